import type { DevelopParams } from "@/lib/develop";
import { describeEdit, diffParams } from "@/lib/edits";

/** A trajectory's edit in words and as a table of changes from the defaults (detail and review pages). */
export function editChanges(params: DevelopParams) {
  return {
    description: describeEdit(params),
    changes: diffParams({}, params).map((c) => ({ key: c.key, from: show(c.from), to: show(c.to), delta: c.delta ?? null })),
  };
}

function show(v: unknown): string {
  if (Array.isArray(v)) return v.length > 4 ? `${v.length} items` : JSON.stringify(v);
  if (v && typeof v === "object") return JSON.stringify(v).slice(0, 80);
  return String(v);
}
