import { normalizeParams, pruneDefaults, type DevelopParams } from "@/lib/develop/params";
import { serializeJarvisArt } from "@/lib/edits/jarvisart-format";
import { fmt, type Look } from "./look";
import { readInstruction } from "./read-instruction";

/** One policy sample: the reasoning, the parameters and the text in JarvisArt format. */
export type PolicySample = { reasoning: string; params: DevelopParams; text: string };

// Sample i is the lexicon move at this multiple of its size, so n > 1 gives a
// spread of plausible strengths (what a policy rollout group looks like).
const SAMPLE_FACTORS = [1, 0.7, 1.35, 0.5, 1.7, 0.85, 1.15, 0.35];

/**
 * Heuristic policy: maps the instruction's words through the lexicon to
 * parameter moves sized by the image statistics, and says why.
 */
export function proposeEditHeuristic({ instruction, look, n = 1 }: { instruction: string; look: Look; n?: number }): PolicySample[] {
  const read = readInstruction(instruction);
  return Array.from({ length: n }, (_, i) => {
    const factor = SAMPLE_FACTORS[i % SAMPLE_FACTORS.length] * (1 + Math.floor(i / SAMPLE_FACTORS.length) * 0.1);
    const merged: Record<string, unknown> = {};
    for (const { entry } of read.entries) {
      for (const [key, value] of Object.entries(entry.edit(look, read.strength * factor))) {
        const prev = merged[key];
        merged[key] = typeof value === "number" && typeof prev === "number" ? prev + value : value;
      }
    }
    const params = pruneDefaults(normalizeParams(merged).params);
    const reasoning = explain({ instruction, look, read, factor });
    return { reasoning, params, text: serializeJarvisArt({ params, reasoning }) };
  });
}

function explain({
  look,
  read,
  factor,
}: {
  instruction: string;
  look: Look;
  read: ReturnType<typeof readInstruction>;
  factor: number;
}): string {
  const image = `The image has mean luminance ${fmt(look.brightness)}, luminance spread ${fmt(look.contrast, 3)}, b* ${fmt(look.warmth, 1)} and mean chroma ${fmt(look.saturation, 1)}.`;
  if (read.entries.length === 0)
    return `${image} No adjustment in the instruction is in the heuristic lexicon, so the edit is left unchanged.`;
  const asks = read.entries.map((e) => `"${e.phrase}"${e.negated ? " (negated)" : ""} → ${e.entry.id}`).join(", ");
  const size = read.strength * factor;
  return `${image} The instruction asks for ${asks}. Moves are sized from these statistics${size === 1 ? "" : ` at ${fmt(size)}× strength`}.`;
}
