import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { CATEGORIES, SPLITS, TRAJECTORY_STATUSES } from "@/db/schema/trajectories";
import { isParamKey, PARAM_SPECS, resolveParamKey } from "@/lib/develop";

/** `Exposure2012>1`, `exposure>0.3`, `contrast<=-20`: one parameter range; the key is any spelling Develop accepts. */
const PARAM_RANGE = /^\s*([A-Za-z][A-Za-z0-9]*)\s*(>=|<=|>|<|=)\s*([+-]?\d+(?:\.\d+)?)\s*$/;

/**
 * The corpus browser's filters, as they appear in the URL query string
 * (every field a string), so a filtered view can be shared and a snapshot
 * records exactly what was selected.
 */
export const corpusFilterSchema = z.object({
  status: z.enum(TRAJECTORY_STATUSES).optional(),
  split: z.enum(SPLITS).optional(),
  category: z.enum(CATEGORIES).optional(),
  source: z.string().trim().min(1).max(200).optional(),
  importId: z.uuid().optional(),
  model: z.string().trim().min(1).max(200).optional(),
  promptVersion: z.string().trim().min(1).max(200).optional(),
  /** Parameter range such as `exposure>0.3` or `Exposure2012>1` (short names and crs names). */
  param: z
    .string()
    .regex(PARAM_RANGE, "use NAME>VALUE, e.g. exposure>0.3")
    .refine(
      (v) => numericDefault(PARAM_RANGE.exec(v)?.[1] ?? "") !== undefined,
      "unknown numeric parameter (e.g. exposure, contrast, Exposure2012)",
    )
    .optional(),
  hasLocal: z.enum(["yes", "no"]).optional(),
  /** Name of a filter that fired (`edit-too-small`, `contradicts-deltas`, `reasoning-mismatch`, …). */
  filterReason: z.string().trim().min(1).max(100).optional(),
  review: z.enum(["unreviewed", "reviewed", "accepted", "rejected"]).optional(),
  excluded: z.enum(["hide", "only", "all"]).optional(),
  /** Text search over instruction text (trigram index). */
  q: z.string().trim().min(3, "search needs at least 3 characters").max(200).optional(),
});
export type CorpusFilter = z.output<typeof corpusFilterSchema>;

function numericDefault(name: string): number | undefined {
  const key = resolveParamKey(name);
  if (!key || !isParamKey(key)) return undefined;
  const spec = PARAM_SPECS[key];
  return spec.kind === "number" ? spec.default : undefined;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * SQL conditions over `trajectories t` for a filter. Conditions on
 * annotations are EXISTS subqueries over `instructions i`, so the outer
 * query keeps its keyset order.
 */
export function filterConditions(f: CorpusFilter): SQL[] {
  const { base, search } = filterParts(f);
  return search ? [...base, instructionExists(search.indexed)] : base;
}

/** EXISTS an instruction of `t` meeting `condition` (over `instructions i`). */
export const instructionExists = (condition: SQL) =>
  sql`exists (select 1 from instructions i where i.trajectory_id = t.id and ${condition})`;

/**
 * {@link filterConditions} split in two: `search` is the text search as a
 * condition on one instruction `i` (its text matches `q`, and the other
 * instruction filters hold for that same instruction), null without `q`;
 * `base` is everything else, on `t`. The list query plans the search part
 * itself (see `search-page.ts`). The search comes in two equal forms:
 * `indexed` (ILIKE, which the trigram index serves) and `perRow`
 * (`strpos(lower(text), lower(q)) > 0`, twice as fast to evaluate row by row).
 * They agree exactly: Postgres evaluates ILIKE on a multibyte database as
 * `lower(text) LIKE lower(pattern)`, and a pattern `%q%` whose wildcards in
 * q are escaped matches exactly the texts containing q.
 */
export function filterParts(f: CorpusFilter): { base: SQL[]; search: { indexed: SQL; perRow: SQL } | null } {
  const c: SQL[] = [];
  if (f.status) c.push(sql`t.status = ${f.status}`);
  if (f.split) c.push(sql`t.split = ${f.split}`);
  if (f.category) c.push(sql`t.category = ${f.category}`);
  if (f.source) c.push(sql`t.source = ${f.source}`);
  if (f.importId) c.push(sql`t.import_id = ${f.importId}`);
  if (f.hasLocal) c.push(f.hasLocal === "yes" ? sql`t.has_local_corrections` : sql`not t.has_local_corrections`);
  if (f.excluded === "only") c.push(sql`t.excluded`);
  if (f.excluded === "hide") c.push(sql`not t.excluded`);
  if (f.param) {
    const [, name, op, value] = PARAM_RANGE.exec(f.param)!;
    const key = resolveParamKey(name)!;
    // Params are stored without defaults, so a missing key is at its default.
    c.push(sql`coalesce((t.params->>${key})::float8, ${numericDefault(key)!}) ${sql.raw(op)} ${Number(value)}`);
  }
  const inst: SQL[] = [];
  if (f.model) inst.push(sql`i.model_name = ${f.model}`);
  if (f.promptVersion) inst.push(sql`i.prompt_version = ${f.promptVersion}`);
  if (f.filterReason) inst.push(sql`i.filter_reasons @> ${JSON.stringify([{ filter: f.filterReason }])}::jsonb`);
  const instCondition = (text: SQL[]) => sql.join([...inst, ...text], sql` and `);
  if (inst.length > 0 && !f.q) c.push(instructionExists(instCondition([])));
  if (f.review === "unreviewed" || f.review === "reviewed") {
    const any = sql`exists (select 1 from instructions i join reviews r on r.instruction_id = i.id where i.trajectory_id = t.id)`;
    c.push(f.review === "reviewed" ? any : sql`not ${any}`);
  }
  if (f.review === "accepted") c.push(sql`t.status = 'accepted'`);
  if (f.review === "rejected") c.push(sql`t.status = 'rejected'`);
  if (!f.q) return { base: c, search: null };
  const search = {
    indexed: instCondition([sql`i.text ilike ${like(f.q)}`]),
    perRow: instCondition([sql`strpos(lower(i.text), lower(${f.q}::text)) > 0`]),
  };
  return { base: c, search };
}

/** `where a and b …` (or nothing) for a list of conditions. */
export const whereOf = (conditions: SQL[]): SQL => (conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``);
