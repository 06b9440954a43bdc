import "server-only";
import type { Image8 } from "@/lib/develop/pipeline/decode";
import { parseEdit } from "@/lib/edits";
import { lookOfImage, scoreSingleEditHeuristic, type Look } from "@/lib/inference";

/** One reward: `overall` is what the trainer optimises; the rest is logged (`reward/<key>`). */
export type RewardResult = {
  overall: number;
  /** 1 when the response is in the exact format with every value in range. */
  format: number;
  /** The reward model's score of the rendered edit, on [0, 1]. */
  grm: number;
  parse_ok: boolean;
  render_ok: boolean;
  /** Why an item scored 0 or lost its format point. */
  error?: string;
};

/** Weight of the format term in `overall` (the rest is the reward model's score). */
export const FORMAT_WEIGHT = 0.1;

export const zeroResult = (error: string, partial: Partial<RewardResult> = {}): RewardResult => ({
  overall: 0,
  format: 0,
  grm: 0,
  parse_ok: false,
  render_ok: false,
  error,
  ...partial,
});

// Codes that mean the text was not a usable edit; out_of_range values are clamped and only cost the format point.
const FATAL = new Set(["malformed", "wrong_type", "unknown_key"]);

/** Parses a response; `null` params when it is not a usable edit. */
export function parseResponse(response: string) {
  const parsed = parseEdit(response);
  const fatal = parsed.issues.filter((i) => FATAL.has(i.code));
  const usable = parsed.format !== "unknown" && Object.keys(parsed.params).length > 0 && fatal.length === 0;
  const formatOk = parsed.formatOk && parsed.issues.length === 0;
  const note = parsed.issues.map((i) => i.message).join("; ");
  return { params: usable ? parsed.params : null, formatOk, note: note || (usable ? "" : "no edit parameters found") };
}

/**
 * Scores one rollout with the heuristic reward model: parse with lib/edits,
 * render onto the (already decoded, small) source, measure, score. Never
 * throws: a malformed response or a failed render scores 0 with a reason.
 */
export function scoreResponseHeuristic({
  response,
  instruction,
  source,
  sourceLook,
}: {
  response: string;
  instruction: string;
  source: Image8;
  sourceLook: Look;
}): RewardResult {
  const { params, formatOk, note } = parseResponse(response);
  if (!params) return zeroResult(`parse: ${note}`);
  let after: Look;
  try {
    after = lookOfImage(source, params);
  } catch (error) {
    return zeroResult(`render: ${(error as Error).message}`, { parse_ok: true, format: formatOk ? 1 : 0 });
  }
  const grm = scoreSingleEditHeuristic({ instruction, before: sourceLook, after }) / 10;
  const format = formatOk ? 1 : 0;
  return {
    overall: round4(FORMAT_WEIGHT * format + (1 - FORMAT_WEIGHT) * grm),
    format,
    grm: round4(grm),
    parse_ok: true,
    render_ok: true,
    ...(note ? { error: note } : {}),
  };
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
