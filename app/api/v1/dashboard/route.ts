// GET /api/v1/dashboard — counts and queue health for the dashboard
import { getDashboard } from "@/lib/dashboard";
import { route } from "@/lib/http/route";

export const GET = route(({ ctx }) => getDashboard({ ctx }));
