import { PARAM_KEYS, PARAM_SPECS, isDefaultValue, withDefaults } from "../develop/params";
import type { Correction, DevelopParams, ParamKey, ParamSpec } from "../develop/params";

/** One changed parameter between two edits. */
export type ParamChange = {
  key: ParamKey | "MaskGroupBasedCorrections";
  /** Value in the first edit (its default when absent). */
  from: unknown;
  /** Value in the second edit (its default when absent). */
  to: unknown;
  /** `to − from` for numbers; for corrections the change in their count; absent for curves/labels. */
  delta?: number;
  /** Short summary for values that have no single number (curves, corrections). */
  summary?: string;
};

/** The parameters that differ between `a` and `b`, in canonical key order (corrections last). */
export function diffParams(a: DevelopParams, b: DevelopParams): ParamChange[] {
  const fa = withDefaults(a);
  const fb = withDefaults(b);
  const changes: ParamChange[] = [];
  for (const key of PARAM_KEYS) {
    const spec: ParamSpec = PARAM_SPECS[key];
    const from = fa[key];
    const to = fb[key];
    if (sameValue(key, from, to)) continue;
    if (spec.kind === "number") {
      const delta = round((to as number) - (from as number), spec.decimals);
      changes.push({ key, from, to, delta });
    } else if (spec.kind === "curve") {
      changes.push({ key, from, to, summary: isDefaultValue(key, to) ? "reset to linear" : `${(to as unknown[]).length}-point curve` });
    } else {
      changes.push({ key, from, to });
    }
  }
  const ca = fa.MaskGroupBasedCorrections;
  const cb = fb.MaskGroupBasedCorrections;
  if (stable(ca) !== stable(cb)) {
    changes.push({
      key: "MaskGroupBasedCorrections",
      from: ca,
      to: cb,
      delta: cb.length - ca.length,
      summary: summarizeCorrections(ca, cb),
    });
  }
  return changes;
}

function sameValue(key: ParamKey, from: unknown, to: unknown): boolean {
  if (PARAM_SPECS[key].kind === "curve" && isDefaultValue(key, from) && isDefaultValue(key, to)) return true;
  return stable(from) === stable(to);
}

function summarizeCorrections(a: Correction[], b: Correction[]): string {
  const plural = (n: number) => `${n} local correction${n === 1 ? "" : "s"}`;
  if (a.length === 0) return plural(b.length);
  if (b.length === 0) return `${plural(a.length)} removed`;
  if (b.length > a.length) return `${plural(b.length - a.length)} added`;
  if (b.length < a.length) return `${plural(a.length - b.length)} removed`;
  return `${plural(b.length)} changed`;
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r;
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}
