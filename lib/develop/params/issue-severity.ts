import type { ParamIssue } from "./types";

/**
 * Whether an issue means the input was wrong (a value was dropped, clamped or repaired) rather than
 * merely informative (`not_rendered`: kept but not rendered; `unknown_key`: ignored extra data).
 */
export function isErrorIssue(issue: ParamIssue): boolean {
  return issue.code === "wrong_type" || issue.code === "out_of_range" || issue.code === "malformed";
}
