import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { CATEGORIES } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { insertBenchmark, type NewBenchmarkItem } from "./insert-benchmark";

export const buildRetouchEvalInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** Items drawn per split (quality, style, local), as RetouchEval's 3 × 100. */
  perSplit: z.number().int().min(1).max(5000).default(100),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
});

type Candidate = { id: string; source_sha: string; target_sha: string; category: string; text: string };

/**
 * A RetouchEval-style benchmark from the corpus **test** split: per category
 * (= split quality/style/local) up to `perSplit` trajectories that have an
 * after image and a usable instruction (accepted first, else awaiting review;
 * the medium variant preferred; never filtered out or rejected), drawn in a
 * seeded order (sha256 of seed‖id), so the same corpus and seed give the same
 * content hash. Excluded trajectories are never drawn.
 */
export async function buildRetouchEvalBenchmark({ ctx, input }: { ctx: Ctx; input: z.input<typeof buildRetouchEvalInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { name, perSplit, seed } = parseInput(buildRetouchEvalInput, input);
  const rows = (await ctx.db.execute(sql`
    with usable as (
      select distinct on (i.trajectory_id) i.trajectory_id, i.text
      from instructions i
      where i.status in ('accepted', 'in_review')
      order by i.trajectory_id, (i.status = 'accepted') desc, i.version desc, (i.variant = 'medium') desc
    ), ranked as (
      select t.id, t.source_sha, t.target_sha, t.category, u.text,
             row_number() over (partition by t.category order by sha256(convert_to(${String(seed)} || ':' || t.id::text, 'UTF8'))) as rn
      from trajectories t join usable u on u.trajectory_id = t.id
      where t.split = 'test' and not t.excluded and t.target_sha is not null
    )
    select id, source_sha, target_sha, category, text from ranked where rn <= ${perSplit}
    order by category, rn`)) as unknown as Candidate[];
  if (rows.length === 0) throw new AppError("VALIDATION", "The corpus test split has no annotated trajectories with an after image");

  const order = (c: string) => CATEGORIES.indexOf(c as (typeof CATEGORIES)[number]);
  const items: NewBenchmarkItem[] = [...rows]
    .sort((a, b) => order(a.category) - order(b.category))
    .map((r) => ({ trajectoryId: r.id, instruction: r.text, sourceSha: r.source_sha, referenceSha: r.target_sha, split: r.category }));
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, items.filter((i) => i.split === c).length]));
  return insertBenchmark({
    ctx,
    benchmark: {
      name,
      kind: "retoucheval",
      config: { perSplit, seed, counts, source: "corpus test split" },
      description: `RetouchEval-style, ${perSplit} per split, seed ${seed}`,
    },
    items,
  });
}
