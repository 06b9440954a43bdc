/** One judged pair for the accuracy table: the kind and both members' edit sizes. */
export type JudgedPair = {
  kind: string;
  verdicts: ("strong" | "weak" | "tie" | "both_bad")[];
  strongMagnitude: number;
  weakMagnitude: number;
};

export type AccuracyRow = {
  kind: string;
  pairs: number;
  /** Share of verdicts that put strong first (ties count half), over both sides of the swap. */
  model: number;
  /** A coin flip. */
  random: number;
  /** "Bigger change wins": the member that moves the source further wins (equal sizes count half). */
  biggerChange: number;
};

const credit = (v: string) => (v === "strong" ? 1 : v === "tie" ? 0.5 : 0);

/**
 * Reward accuracy next to its two baselines on the SAME pairs, per
 * perturbation kind and overall. A model that merely prefers bigger edits
 * matches the baseline on under-edits and loses on over-edits, which is why
 * the table is never shown as a single number.
 */
export function accuracyTable(rows: readonly JudgedPair[]): AccuracyRow[] {
  const groups = new Map<string, JudgedPair[]>();
  for (const r of rows) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
  const one = (kind: string, list: readonly JudgedPair[]): AccuracyRow => {
    const verdicts = list.flatMap((r) => r.verdicts);
    const bigger = list.map((r): number => (r.strongMagnitude > r.weakMagnitude ? 1 : r.strongMagnitude < r.weakMagnitude ? 0 : 0.5));
    return {
      kind,
      pairs: list.length,
      model: verdicts.length ? verdicts.reduce((s, v) => s + credit(v), 0) / verdicts.length : NaN,
      random: 0.5,
      biggerChange: bigger.length ? bigger.reduce((s, x) => s + x, 0) / bigger.length : NaN,
    };
  };
  const table = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => one(k, list));
  if (rows.length) table.push(one("all", rows));
  return table;
}
