import { DIMENSIONS, type Dimension, type Look } from "./look";
import { readInstruction } from "./read-instruction";
import { explainFit, rewardScore, scoreEdit } from "./score-edit";

/** Output of the reward role (paper §4.1): metrics first, then one scalar per image. */
export type PairScore = { metrics: { name: string; description: string }[]; scores: { A: number; B: number }; reasoning: string };

const METRIC: Record<Dimension, [name: string, up: string, down: string]> = {
  brightness: ["Brightness", "mean luminance should rise", "mean luminance should fall"],
  contrast: ["Contrast", "the luminance spread should widen", "the luminance spread should narrow"],
  warmth: ["Warmth", "the yellow–blue balance should move toward yellow", "the yellow–blue balance should move toward blue"],
  tint: ["Tint", "the magenta–green balance should move toward magenta", "the magenta–green balance should move toward green"],
  saturation: ["Saturation", "mean chroma should rise", "mean chroma should fall"],
  detail: ["Detail", "local contrast should rise", "local contrast should fall"],
  shadows: ["Shadows", "the darkest tones should lift", "the darkest tones should deepen"],
  highlights: ["Highlights", "the brightest tones should rise", "the brightest tones should come down"],
};

/**
 * Heuristic generalist reward model: derives the metrics from the instruction
 * (one per dimension it asks to move, plus clipping and colour fidelity), then
 * scores each candidate by how well its measured change matches them.
 */
export function scorePairHeuristic({ instruction, source, a, b }: { instruction: string; source: Look; a: Look; b: Look }): PairScore {
  const read = readInstruction(instruction);
  const metrics = DIMENSIONS.filter((d) => read.moves[d]).map((d) => {
    const [name, up, down] = METRIC[d];
    const phrases = read.entries.filter((e) => e.entry.moves[d]).map((e) => `"${e.phrase}"`);
    return { name, description: `${(read.moves[d] ?? 0) > 0 ? up : down} (asked for by ${phrases.join(", ")})` };
  });
  if (read.grayscale) metrics.unshift({ name: "Black and white", description: "color should be removed entirely" });
  metrics.push({ name: "Clipping", description: "no new blown highlights or crushed shadows" });
  metrics.push({ name: "Color fidelity", description: "no color cast the instruction did not ask for, no unrelated large changes" });
  const fa = scoreEdit({ read, before: source, after: a });
  const fb = scoreEdit({ read, before: source, after: b });
  const scores = { A: rewardScore(fa), B: rewardScore(fb) };
  const reasoning = [explainFit("A", fa), explainFit("B", fb), `Scores: A ${scores.A}, B ${scores.B}.`].join("\n");
  return { metrics, scores, reasoning };
}
