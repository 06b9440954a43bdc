import { jsonrepair } from "jsonrepair";
import { PARAM_KEYS, PARAM_SPECS, normalizeParams, pruneDefaults } from "../develop/params";
import type { DevelopParams, ParamIssue, ParamSpec, ToneCurve } from "../develop/params";

// JarvisArt agent output: `<think>{cot}</think>\n<answer>{config}</answer>` with a JSON config of
// Lightroom keys, tone curves as {"1": x1, "2": y1, …} on 0–255, masks in MaskGroupBasedCorrections.
// As in JarvisArt's inference.py, the LAST <answer> is used and its JSON is repaired.

/** JarvisArt's format reward: the whole output must match this (Python `re.fullmatch`, DOTALL). */
export const JARVISART_FORMAT = /^<think>[\s\S]*?<\/think>\s*<answer>[\s\S]*?<\/answer>$/;

/** Result of parsing JarvisArt output. */
export type JarvisArtParse = {
  params: DevelopParams;
  issues: ParamIssue[];
  /** The reasoning inside the `<think>` block that precedes the answer, when present. */
  reasoning?: string;
  /** JarvisArt's format reward condition (`JARVISART_FORMAT` matches the whole text). */
  formatOk: boolean;
  /** Whether an `<answer>` (closed or not) was found. */
  hasAnswer: boolean;
};

/** Parses JarvisArt output; never throws. */
export function parseJarvisArt(text: string): JarvisArtParse {
  const source = typeof text === "string" ? text : "";
  const formatOk = JARVISART_FORMAT.test(source);
  const answerStart = source.toLowerCase().lastIndexOf("<answer>");
  const reasoning = lastThink(answerStart >= 0 ? source.slice(0, answerStart) : source);
  const base = { formatOk, hasAnswer: answerStart >= 0, ...(reasoning !== undefined ? { reasoning } : {}) };
  if (answerStart < 0) {
    return { ...base, params: {}, issues: [{ key: "", code: "malformed", message: "no <answer> block found" }] };
  }
  const rest = source.slice(answerStart + "<answer>".length);
  const close = rest.toLowerCase().indexOf("</answer>");
  const body = stripFence(close >= 0 ? rest.slice(0, close) : rest);
  const config = parseConfig(body);
  if (typeof config === "string") return { ...base, params: {}, issues: [{ key: "", code: "malformed", message: config }] };
  const { params, issues } = normalizeParams(config);
  if (close < 0) issues.unshift({ key: "", code: "malformed", message: "<answer> is not closed; read what was there" });
  return { ...base, params, issues };
}

function lastThink(text: string): string | undefined {
  const open = text.toLowerCase().lastIndexOf("<think>");
  if (open < 0) return undefined;
  const inner = text.slice(open + "<think>".length);
  const close = inner.toLowerCase().indexOf("</think>");
  return (close >= 0 ? inner.slice(0, close) : inner).trim();
}

function stripFence(body: string): string {
  return body
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
}

/** The answer's JSON object (repaired), or a message saying why there is none. */
function parseConfig(body: string): Record<string, unknown> | string {
  if (body.trim() === "") return "the <answer> block is empty";
  let value: unknown;
  try {
    value = JSON.parse(jsonrepair(body));
  } catch (error) {
    return `the <answer> block is not JSON even after repair: ${(error as Error).message.slice(0, 120)}`;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return "the <answer> block must hold a JSON object of parameters";
  return value as Record<string, unknown>;
}

/** JarvisArt's curve encoding: `{"1": x1, "2": y1, "3": x2, …}`. */
export function curveToNumberedObject(curve: ToneCurve): Record<string, number> {
  const out: Record<string, number> = {};
  curve.forEach(([x, y], i) => {
    out[String(2 * i + 1)] = x;
    out[String(2 * i + 2)] = y;
  });
  return out;
}

/** The JarvisArt config object for `params`: non-default keys, Lightroom names, numbered curves. */
export function toJarvisArtConfig(params: DevelopParams): Record<string, unknown> {
  const pruned = pruneDefaults(params);
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) {
    const value = pruned[key];
    if (value === undefined) continue;
    const spec: ParamSpec = PARAM_SPECS[key];
    out[key] = spec.kind === "curve" ? curveToNumberedObject(value as ToneCurve) : value;
  }
  if (pruned.MaskGroupBasedCorrections) out.MaskGroupBasedCorrections = pruned.MaskGroupBasedCorrections;
  if (pruned.PointColors) out.PointColors = pruned.PointColors;
  return out;
}

/** Serialises to `<think>…</think>\n<answer>{json}</answer>`, the form JarvisArt's SFT data uses. */
export function serializeJarvisArt(o: { params: DevelopParams; reasoning?: string }): string {
  return `<think>${o.reasoning ?? ""}</think>\n<answer>${JSON.stringify(toJarvisArtConfig(o.params))}</answer>`;
}
