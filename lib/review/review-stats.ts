import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { promptName } from "./prompt-name";

export const reviewStatsInput = z.object({ days: z.number().int().min(1).max(3_650).default(30) });

const VERDICT = sql.raw(
  `case r.decision when 'reject' then 'reject' else 'accept:' || btrim(coalesce(r.edited_text, r.base_text, '')) end`,
);

/**
 * Researcher: per annotator, items decided, items per active hour (hours in
 * which they decided anything), accept/edit/reject rates over variants,
 * agreement with other annotators on the same variant and with the reviewer's
 * adjudication; per model and prompt version, the share of its reviewed
 * instructions accepted unchanged (the signal for choosing the annotator model).
 */
export async function reviewStats({ ctx, input = {} }: { ctx: Ctx; input?: z.input<typeof reviewStatsInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const { days } = parseInput(reviewStatsInput, input);
  const since = sql`now() - make_interval(days => ${days})`;
  const annotators = (await ctx.db.execute(sql`
    with mine as (
      select r.*, ${VERDICT} as verdict from reviews r where r.stage = 'annotation' and r.created_at > ${since}
    ),
    others as (
      select r.instruction_id, r.reviewer_id, ${VERDICT} as verdict from reviews r where r.stage = 'annotation'
    ),
    adjudicated as (
      select r.instruction_id, ${VERDICT} as verdict from reviews r where r.stage = 'adjudication'
    )
    select u.name, u.email, m.reviewer_id,
      count(distinct m.trajectory_id)::int as items,
      count(distinct date_trunc('hour', m.created_at))::int as active_hours,
      count(*)::int as variants,
      count(*) filter (where m.decision = 'accept')::int as accepted,
      count(*) filter (where m.decision = 'edit')::int as edited,
      count(*) filter (where m.decision = 'reject')::int as rejected,
      (select count(*)::int from mine a join others o on o.instruction_id = a.instruction_id and o.reviewer_id <> a.reviewer_id where a.reviewer_id = m.reviewer_id) as pairs,
      (select count(*)::int from mine a join others o on o.instruction_id = a.instruction_id and o.reviewer_id <> a.reviewer_id where a.reviewer_id = m.reviewer_id and o.verdict = a.verdict) as pairs_agreeing,
      (select count(*)::int from mine a join adjudicated j on j.instruction_id = a.instruction_id where a.reviewer_id = m.reviewer_id) as adjudicated,
      (select count(*)::int from mine a join adjudicated j on j.instruction_id = a.instruction_id where a.reviewer_id = m.reviewer_id and j.verdict = a.verdict) as adjudicated_agreeing
    from mine m left join "user" u on u.id = m.reviewer_id
    group by m.reviewer_id, u.name, u.email order by items desc`)) as unknown as {
    name: string | null;
    email: string | null;
    items: number;
    active_hours: number;
    variants: number;
    accepted: number;
    edited: number;
    rejected: number;
    pairs: number;
    pairs_agreeing: number;
    adjudicated: number;
    adjudicated_agreeing: number;
  }[];
  const models = (await ctx.db.execute(sql`
    select i.model_name, i.backend, i.prompt_version,
      count(*)::int as reviewed,
      count(*) filter (where i.status = 'accepted' and i.final_text = i.text)::int as accepted_unchanged,
      count(*) filter (where i.status = 'accepted' and i.final_text <> i.text)::int as accepted_edited,
      count(*) filter (where i.status = 'rejected')::int as rejected
    from instructions i
    where i.status in ('accepted', 'rejected') and i.updated_at > ${since}
    group by i.model_name, i.backend, i.prompt_version order by reviewed desc`)) as unknown as {
    model_name: string;
    backend: string;
    prompt_version: string;
    reviewed: number;
    accepted_unchanged: number;
    accepted_edited: number;
    rejected: number;
  }[];
  const rate = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    days,
    annotators: annotators.map((a) => ({
      name: a.name ?? "(deleted user)",
      email: a.email ?? "",
      items: a.items,
      itemsPerHour: rate(a.items, a.active_hours),
      acceptRate: rate(a.accepted, a.variants),
      editRate: rate(a.edited, a.variants),
      rejectRate: rate(a.rejected, a.variants),
      agreementWithOthers: rate(a.pairs_agreeing, a.pairs),
      comparedWithOthers: a.pairs,
      agreementWithReviewer: rate(a.adjudicated_agreeing, a.adjudicated),
      comparedWithReviewer: a.adjudicated,
    })),
    models: models.map((m) => ({
      model: m.model_name,
      backend: m.backend,
      prompt: promptName(m.prompt_version),
      reviewed: m.reviewed,
      acceptedUnchangedRate: rate(m.accepted_unchanged, m.reviewed),
      acceptedEdited: m.accepted_edited,
      rejected: m.rejected,
    })),
  };
}
