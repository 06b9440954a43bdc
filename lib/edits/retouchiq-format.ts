import { jsonrepair } from "jsonrepair";
import { normalizeParams } from "../develop/params";
import type { DevelopParams, ParamIssue } from "../develop/params";
import { splitTopLevel } from "./split-top-level";

export { serializeRetouchIq } from "./serialize-retouchiq";

// RetouchIQ edit text: `{exposure=+0.9; contrast=-30}` with lowercase alias keys. The parser is
// tolerant (missing braces, `,` or newlines for `;`, `:` for `=`, quotes, units and trailing text);
// the serialiser writes one canonical form.

/** Result of parsing RetouchIQ edit text. */
export type RetouchIqParse = {
  params: DevelopParams;
  issues: ParamIssue[];
  /** True when the text was exactly `{key=value; …}` with nothing to repair. */
  formatOk: boolean;
  /** How many `key=value` pairs were found (0 means the text was not RetouchIQ format at all). */
  pairCount: number;
};

const STRICT_PAIR = /^[A-Za-z]\w*\s*=\s*\S/;
const PAIR = /^["']?([A-Za-z][\w .-]*?)["']?\s*(?:=|:)\s*([\s\S]*)$/;
const LEADING_NUMBER = /^[+\-\u2212]?(\d+\.?\d*|\.\d+)/;

/** Parses RetouchIQ edit text into canonical params; never throws. */
export function parseRetouchIq(text: string): RetouchIqParse {
  const body = extractBody(typeof text === "string" ? text : "");
  const record: Record<string, unknown> = {};
  const issues: ParamIssue[] = [];
  let pairCount = 0;
  for (const part of splitTopLevel(body, /[;,\n]/)) {
    const m = PAIR.exec(part);
    if (!m) {
      issues.push({ key: part.slice(0, 40), code: "malformed", message: `cannot read "${part.slice(0, 40)}" as key=value; ignored` });
      continue;
    }
    pairCount++;
    record[m[1].trim()] = readValue(m[2].trim());
  }
  const normalized = normalizeParams(record);
  return {
    params: normalized.params,
    issues: [...issues, ...normalized.issues],
    formatOk: issues.length === 0 && isStrict(typeof text === "string" ? text.trim() : ""),
    pairCount,
  };
}

/** Exactly `{k=v; k=v}`: braces around everything, `=` and `;` only. */
function isStrict(text: string): boolean {
  if (!text.startsWith("{") || !text.endsWith("}") || extractBody(text).length !== text.length - 2) return false;
  return splitTopLevel(text.slice(1, -1), /;/).every((part) => STRICT_PAIR.test(part) && splitTopLevel(part, /[,\n]/).length === 1);
}

/** The text between the first `{` and its matching `}` (or the rest); the whole text without braces. */
function extractBody(text: string): string {
  const open = text.indexOf("{");
  if (open < 0) return text;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

function readValue(raw: string): unknown {
  const unquoted = raw.replace(/^["']|["']$/g, "").trim();
  if (/^[[{]/.test(unquoted)) {
    try {
      return JSON.parse(jsonrepair(unquoted));
    } catch {
      return unquoted;
    }
  }
  // Keep a leading number and drop units or words after it ("+0.9 EV", "-30%").
  const n = LEADING_NUMBER.exec(unquoted);
  return n ? n[0].replace("\u2212", "-") : unquoted;
}
