import { INTENSIFIERS, LEXICON, NEGATIONS, type LexiconEntry } from "./lexicon";
import type { Dimension } from "./look";

/** What the heuristic understood from an instruction. */
export type ReadInstruction = {
  /** Lexicon entries found, after negation, each with the phrase that triggered it. */
  entries: { entry: LexiconEntry; phrase: string; negated: boolean }[];
  /** Desired direction and weight per dimension (sum over entries). */
  moves: Partial<Record<Dimension, number>>;
  /** Global intensity from words such as "slightly" (0.5) or "much" (1.5). */
  strength: number;
  grayscale: boolean;
};

const BY_ID = new Map(LEXICON.map((e) => [e.id, e]));
const PHRASES = LEXICON.flatMap((entry) => entry.phrases.map((phrase) => ({ entry, phrase }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/&]/g, "\\$&");
const boundary = (phrase: string) => new RegExp(`(^|[^a-z&/])${escape(phrase)}(?=$|[^a-z&/])`, "g");
const COMPILED = PHRASES.map((p) => ({ ...p, re: boundary(p.phrase) }));
const NEGATION_RE = new RegExp(`(?:^|\\s)(?:${NEGATIONS.map(escape).join("|")})\\s+(?:\\w+\\s+)?$`);

/**
 * Reads an instruction with the documented {@link LEXICON}: longest phrases
 * first, so "less contrast" wins over "contrast" and "black and white" never
 * reads as "white"; a negation just before a phrase flips it to its opposite.
 */
export function readInstruction(text: string): ReadInstruction {
  let rest = ` ${text.toLowerCase().replace(/[’']/g, "").replace(/\s+/g, " ")} `;
  const found: { entry: LexiconEntry; phrase: string; negated: boolean; at: number }[] = [];
  for (const { entry, phrase, re } of COMPILED) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest))) {
      const start = m.index + m[1].length;
      const negated = NEGATION_RE.test(rest.slice(Math.max(0, start - 24), start)) && !/^(less|reduce|lower)\b/.test(phrase);
      const target = negated && entry.opposite ? BY_ID.get(entry.opposite) : entry;
      if (target) found.push({ entry: target, phrase, negated, at: start });
      rest = rest.slice(0, start) + " ".repeat(phrase.length) + rest.slice(start + phrase.length);
    }
  }
  found.sort((a, b) => a.at - b.at);

  let strength = 1;
  for (const { phrases, factor } of INTENSIFIERS) if (phrases.some((p) => boundary(p).test(rest))) strength = factor;

  const moves: Partial<Record<Dimension, number>> = {};
  const seen = new Set<string>();
  const entries = [];
  for (const f of found) {
    if (seen.has(f.entry.id)) continue;
    seen.add(f.entry.id);
    entries.push({ entry: f.entry, phrase: f.phrase, negated: f.negated });
    for (const [dim, w] of Object.entries(f.entry.moves) as [Dimension, number][]) moves[dim] = (moves[dim] ?? 0) + w;
  }
  return { entries, moves, strength, grayscale: entries.some((e) => e.entry.grayscale) };
}
