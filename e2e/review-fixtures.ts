// Review items for the browser tests, written straight to the e2e database:
// in-review trajectories over the seeded sample photos, three instruction
// variants each, and their queue slots. Each test starts from an empty queue.
import { randomUUID } from "node:crypto";
import postgres from "postgres";

const sql = postgres(process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/retouchiq_e2e", { max: 2, onnotice: () => {} });

/** Closes what the review queue holds and adds `n` items needing `overlap` annotators each; returns their ids in queue order. */
export async function freshReviewItems(n: number, { overlap = 1 } = {}): Promise<string[]> {
  // Close every slot already queued (other specs' imports, earlier tests) rather than delete it:
  // the minute sweep re-queues in-review trajectories that have no slots at all.
  await sql`update work_slots set done_at = now() where kind = 'review' and done_at is null`;
  const photos = await sql<{ sha256: string }[]>`select sha256 from images where status = 'ready' order by sha256 limit 2`;
  if (photos.length < 2) throw new Error("the e2e seed should have sample photos");
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const [i, id] of ids.entries()) {
    await sql`insert into trajectories (id, source_sha, target_sha, params, origin, status, category, target_rendered)
              values (${id}, ${photos[0].sha256}, ${photos[1].sha256}, ${sql.json({ Exposure2012: 0.5, Contrast2012: 20 })}, 'synthetic', 'in_review', 'quality', true)`;
    for (const variant of ["short", "medium", "long"]) {
      await sql`insert into instructions (trajectory_id, version, variant, text, reasoning, model_name, backend, prompt_version, status)
                values (${id}, 1, ${variant}, ${`${variant} ${i + 1}: brighten the photo and add contrast`}, 'The photo looks flat and dark.', 'heuristic', 'heuristic', 'heuristic-annotate-v1', 'in_review')`;
    }
    // Later items a little older, so the queue hands them out in `ids` order.
    await sql`insert into work_slots (kind, item_id, slot, priority, created_at)
              select 'review', ${id}::uuid, s, 100, now() - make_interval(secs => ${n - i}) from generate_series(0, ${overlap - 1}) s`;
  }
  return ids;
}

export const query = sql;
