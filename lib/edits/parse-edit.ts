import { normalizeParams } from "../develop/params";
import type { DevelopParams, ParamIssue } from "../develop/params";
import { parseJarvisArt } from "./jarvisart-format";
import { parseRetouchIq } from "./retouchiq-format";

/** Which text format an edit was written in. */
export type EditFormat = "jarvisart" | "retouchiq" | "json" | "unknown";

/** A parsed edit: canonical params, the problems found, and the reasoning when the format has one. */
export type ParsedEdit = {
  format: EditFormat;
  reasoning?: string;
  params: DevelopParams;
  issues: ParamIssue[];
  /** Strict format check: JarvisArt's reward regex, an exact `{k=v; …}`, or a clean JSON object. */
  formatOk: boolean;
};

/**
 * Parses an edit in any supported format, detected from the text: JarvisArt `<think>/<answer>`
 * output, a plain JSON object of parameters, or RetouchIQ `{key=value; …}` (tolerant). Never throws.
 */
export function parseEdit(text: string): ParsedEdit {
  try {
    return detectAndParse(typeof text === "string" ? text : String(text));
  } catch (error) {
    // Every parser is written not to throw; this is the last guard for user-facing callers.
    return {
      format: "unknown",
      params: {},
      formatOk: false,
      issues: [{ key: "", code: "malformed", message: `could not parse the edit: ${(error as Error).message}` }],
    };
  }
}

function detectAndParse(text: string): ParsedEdit {
  if (/<\/?(answer|think)>/i.test(text)) {
    const r = parseJarvisArt(text);
    return {
      format: "jarvisart",
      params: r.params,
      issues: r.issues,
      formatOk: r.formatOk,
      ...(r.reasoning !== undefined ? { reasoning: r.reasoning } : {}),
    };
  }
  const json = strictJsonObject(text);
  if (json) {
    const r = normalizeParams(json);
    return { format: "json", params: r.params, issues: r.issues, formatOk: true };
  }
  const r = parseRetouchIq(text);
  if (r.pairCount === 0) {
    return {
      format: "unknown",
      params: {},
      formatOk: false,
      issues: [
        {
          key: "",
          code: "malformed",
          message: "no edit found: expected {key=value; …}, a JSON object, or <think>…</think><answer>{…}</answer>",
        },
      ],
    };
  }
  return { format: "retouchiq", params: r.params, issues: r.issues, formatOk: r.formatOk };
}

function strictJsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
