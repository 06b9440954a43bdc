// GET|POST /api/auth/* — better-auth's own endpoints (sign-in, sign-out, session); sign-in is limited per account too
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth";
import { limitSignIn } from "@/lib/auth/sign-in-limit";

const handler = () => toNextJsHandler(getAuth());
export const GET = (req: Request) => handler().GET(req);
export const POST = (req: Request) =>
  new URL(req.url).pathname.endsWith("/sign-in/email") ? limitSignIn(req, (r) => handler().POST(r)) : handler().POST(req);
