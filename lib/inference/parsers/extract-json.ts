import { jsonrepair } from "jsonrepair";
import { FormatError } from "./format-error";

/**
 * The JSON object in a model's answer: code fences and text around it are
 * ignored, `<think>` blocks skipped, and the JSON repaired (trailing commas,
 * single quotes, a truncated tail). Throws {@link FormatError} when no object
 * can be recovered.
 */
export function extractJsonObject(text: string): Record<string, unknown> {
  const withoutThink = text.replace(/<think>[\s\S]*?<\/think>/gi, "");
  const unfenced = withoutThink.replace(/```(?:json)?/gi, "");
  const start = unfenced.indexOf("{");
  if (start < 0) throw new FormatError("no JSON object in the answer");
  const end = unfenced.lastIndexOf("}");
  const candidate = end > start ? unfenced.slice(start, end + 1) : unfenced.slice(start);
  for (const attempt of [candidate, unfenced.slice(start)]) {
    try {
      const value: unknown = JSON.parse(jsonrepair(attempt));
      if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // try the next candidate
    }
  }
  throw new FormatError(`the answer's JSON cannot be repaired: ${candidate.slice(0, 80)}…`);
}
