// GET /api/health — liveness for supervisors: database and Redis reachable (no data exposed)
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pingRedis } from "@/lib/queue";

export async function GET() {
  const [database, redis] = await Promise.all([
    getDb()
      .execute(sql`select 1`)
      .then(
        () => true,
        () => false,
      ),
    pingRedis(),
  ]);
  const ok = database && redis;
  return Response.json({ ok, database, redis }, { status: ok ? 200 : 503 });
}
