import "server-only";
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { candidates, labels, pairs, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { cohenKappa, fleissKappa, krippendorffAlphaNominal } from "./agreement";
import { bradleyTerry, type Comparison, type Rating } from "./bradley-terry";
import { accuracyTable, type AccuracyRow, type JudgedPair } from "./reward-accuracy";

const MAX_LABELS = 100_000;

export type PreferenceStats = {
  counts: { pairs: number; humanLabels: number; modelLabels: number };
  humanHuman: {
    cohen: { value: number | null; items: number; raters: string[] };
    fleiss: { value: number | null; items: number; raters: number };
    alpha: { value: number | null; items: number };
  };
  humanModel: { model: string; origin: string; agree: number; total: number }[];
  positionBias: { model: string; biased: number; pairs: number }[];
  gold: { user: string; correct: number; total: number }[];
  ratings: { models: Rating[]; origins: Rating[] };
  rewardAccuracy: { model: string; table: AccuracyRow[] }[];
};

/** The player a candidate stands for in the ratings: its producer. */
function playerOf(
  c: { origin: string; kind: string | null; modelName: string | null; round: number | null },
  by: "model" | "origin",
): string {
  if (by === "origin") return c.origin === "perturber" ? `perturber:${c.kind ?? "?"}` : c.origin;
  if (c.origin === "policy") return `${c.modelName ?? "policy"} (round ${c.round ?? "?"})`;
  if (c.origin === "perturber") return c.kind === "model" ? (c.modelName ?? "perturber") : "rule perturbation";
  return c.origin === "user" ? "user edit" : "human fix";
}

/**
 * Everything the agreement & ratings page shows, from the labels table:
 * human–human agreement (Cohen's κ for the two raters who share most pairs,
 * Fleiss' κ over pairs with the modal rater count, Krippendorff's α over all),
 * human–model agreement per model and pair origin, position-bias rate per
 * model, gold accuracy per annotator, Bradley–Terry ratings of producers
 * (from human labels; ties half wins; 95% bootstrap CIs) and the reward
 * accuracy table with its baselines.
 */
export async function getPreferenceStats({ ctx }: { ctx: Ctx }): Promise<PreferenceStats> {
  requireRole(ctx.actor, ["researcher"]);
  const strong = alias(candidates, "strong");
  const weak = alias(candidates, "weak");
  const rows = await ctx.db
    .select({
      pairId: labels.pairId,
      kind: labels.labelerKind,
      userId: labels.userId,
      userName: users.name,
      userEmail: users.email,
      modelName: labels.modelName,
      choice: labels.choice,
      positionBias: labels.positionBias,
      swapped: labels.swapped,
      origin: pairs.origin,
      pairKind: pairs.kind,
      gold: pairs.gold,
      goldAnswer: pairs.goldAnswer,
      s: { origin: strong.origin, kind: strong.kind, modelName: strong.modelName, round: strong.round, magnitude: strong.magnitude },
      w: { origin: weak.origin, kind: weak.kind, modelName: weak.modelName, round: weak.round, magnitude: weak.magnitude },
    })
    .from(labels)
    .innerJoin(pairs, eq(pairs.id, labels.pairId))
    .innerJoin(strong, eq(strong.id, pairs.strongId))
    .innerJoin(weak, eq(weak.id, pairs.weakId))
    .leftJoin(users, eq(users.id, labels.userId))
    .orderBy(sql`${labels.createdAt} desc`)
    .limit(MAX_LABELS);
  const human = rows.filter((r) => r.kind === "human" && r.userId);
  const model = rows.filter((r) => r.kind === "model");

  // Human–human agreement.
  const byPair = new Map<string, typeof human>();
  for (const r of human) byPair.set(r.pairId, [...(byPair.get(r.pairId) ?? []), r]);
  const overlap = new Map<string, [string, string][]>();
  for (const list of byPair.values()) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]].sort((x, y) => x.userId!.localeCompare(y.userId!));
        const key = `${a.userId}|${b.userId}`;
        overlap.set(key, [...(overlap.get(key) ?? []), [a.choice, b.choice]]);
      }
  }
  const [bestKey, bestPairs] = [...overlap.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ["", []];
  const nameOf = new Map(human.map((r) => [r.userId!, r.userName || r.userEmail || r.userId!]));
  const cats = ["strong", "weak", "tie", "both_bad"] as const;
  const multi = [...byPair.values()].filter((l) => l.length >= 2);
  const modal = mode(multi.map((l) => l.length));
  const fleissItems = multi.filter((l) => l.length === modal).map((l) => cats.map((c) => l.filter((r) => r.choice === c).length));

  // Human majority per pair, for human–model agreement.
  const majority = new Map<string, string>();
  for (const [pairId, list] of byPair) {
    const counts = cats.map((c) => [c, list.filter((r) => r.choice === c).length] as const).sort((a, b) => b[1] - a[1]);
    if (counts[0][1] > (counts[1]?.[1] ?? 0)) majority.set(pairId, counts[0][0]);
  }
  const hm = new Map<string, { model: string; origin: string; agree: number; total: number }>();
  const bias = new Map<string, { model: string; biased: Set<string>; pairs: Set<string> }>();
  for (const r of model) {
    const name = r.modelName ?? "?";
    const b = bias.get(name) ?? { model: name, biased: new Set(), pairs: new Set() };
    b.pairs.add(r.pairId);
    if (r.positionBias) b.biased.add(r.pairId);
    bias.set(name, b);
    const m = majority.get(r.pairId);
    if (!m) continue;
    const key = `${name}|${r.origin}`;
    const e = hm.get(key) ?? { model: name, origin: r.origin, agree: 0, total: 0 };
    e.total++;
    if (r.choice === m) e.agree++;
    hm.set(key, e);
  }

  const gold = new Map<string, { user: string; correct: number; total: number }>();
  for (const r of human.filter((x) => x.gold)) {
    const e = gold.get(r.userId!) ?? { user: r.userEmail ?? nameOf.get(r.userId!)!, correct: 0, total: 0 };
    e.total++;
    if (r.choice === r.goldAnswer) e.correct++;
    gold.set(r.userId!, e);
  }

  const comps = (by: "model" | "origin"): Comparison[] =>
    human
      .filter((r) => r.choice !== "both_bad")
      .map(
        (r) =>
          ({
            a: playerOf(r.s, by),
            b: playerOf(r.w, by),
            outcome: r.choice === "strong" ? "a" : r.choice === "weak" ? "b" : "tie",
          }) as Comparison,
      )
      .filter((c) => c.a !== c.b);

  const judged = new Map<string, Map<string, JudgedPair>>();
  for (const r of model) {
    const name = r.modelName ?? "?";
    const m = judged.get(name) ?? new Map<string, JudgedPair>();
    const j = m.get(r.pairId) ?? {
      kind: r.pairKind ?? r.origin,
      verdicts: [],
      strongMagnitude: r.s.magnitude,
      weakMagnitude: r.w.magnitude,
    };
    j.verdicts.push(r.choice);
    m.set(r.pairId, j);
    judged.set(name, m);
  }

  return {
    counts: { pairs: await ctx.db.$count(pairs), humanLabels: human.length, modelLabels: model.length },
    humanHuman: {
      cohen: {
        value: cohenKappa(bestPairs),
        items: bestPairs.length,
        raters: bestKey ? bestKey.split("|").map((id) => nameOf.get(id) ?? id) : [],
      },
      fleiss: { value: fleissKappa(fleissItems), items: fleissItems.length, raters: modal },
      alpha: { value: krippendorffAlphaNominal(multi.map((l) => l.map((r) => r.choice))), items: multi.length },
    },
    humanModel: [...hm.values()].sort((a, b) => a.model.localeCompare(b.model) || a.origin.localeCompare(b.origin)),
    positionBias: [...bias.values()].map((b) => ({ model: b.model, biased: b.biased.size, pairs: b.pairs.size })),
    gold: [...gold.values()].sort((a, b) => a.user.localeCompare(b.user)),
    ratings: { models: bradleyTerry(comps("model"), { bootstrap: 200 }), origins: bradleyTerry(comps("origin"), { bootstrap: 200 }) },
    rewardAccuracy: [...judged.entries()].map(([name, m]) => ({ model: name, table: accuracyTable([...m.values()]) })),
  };
}

function mode(xs: number[]): number {
  const c = new Map<number, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}
