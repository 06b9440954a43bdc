// GET|POST /api/auth/* — better-auth's own endpoints (sign-in, sign-out, session)
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth";

const handler = () => toNextJsHandler(getAuth());
export const GET = (req: Request) => handler().GET(req);
export const POST = (req: Request) => handler().POST(req);
