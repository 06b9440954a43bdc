import "server-only";
import { count } from "drizzle-orm";
import { images, users } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

/** Dashboard counts: images by ingest status, and (for admins only; null for everyone else) users. */
export async function getImageCounts({ ctx }: { ctx: Ctx }) {
  const actor = requireActor(ctx.actor);
  const [byStatus, userCount] = await Promise.all([
    ctx.db.select({ status: images.status, n: count() }).from(images).groupBy(images.status),
    actor.role === "admin"
      ? ctx.db
          .select({ n: count() })
          .from(users)
          .then(([r]) => r.n)
      : Promise.resolve(null),
  ]);
  const imagesByStatus = { pending: 0, ready: 0, failed: 0 };
  for (const row of byStatus) imagesByStatus[row.status] = row.n;
  return { images: imagesByStatus, users: userCount };
}
