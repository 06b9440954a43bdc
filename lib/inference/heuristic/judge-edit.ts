import { DIMENSIONS, scaledDelta, type Look } from "./look";
import { readInstruction } from "./read-instruction";
import { explainFit, round1, scoreEdit } from "./score-edit";

/**
 * The two published wordings of PQ: JarvisArt/VIEScore's "content consistency"
 * (is the edited image still the same photo, free of artefacts) and RetouchIQ's
 * "perceptual quality". Every judgement records which one it used.
 */
export const PQ_WORDINGS = ["perceptual_quality", "content_consistency"] as const;
export type PqWording = (typeof PQ_WORDINGS)[number];

/** Output of the judge role (DEVELOP-PARAMS.md §4): SC and PQ on 0–10, O = √(SC·PQ). */
export type Judgement = { sc: number; pq: number; o: number; pqWording: PqWording; reasoning: string };

/** O = √(SC·PQ), as in JarvisArt's evaluation. */
export const overallScore = (sc: number, pq: number) => Math.round(Math.sqrt(Math.max(0, sc) * Math.max(0, pq)) * 100) / 100;

/**
 * Heuristic judge: SC from how well the measured change follows the
 * instruction; PQ from clipping and casts (perceptual quality) or, with the
 * content-consistency wording, from how far the image drifted on dimensions
 * the instruction did not touch.
 */
export function judgeHeuristic({
  instruction,
  source,
  output,
  pqWording,
}: {
  instruction: string;
  source: Look;
  output: Look;
  pqWording: PqWording;
}): Judgement {
  const read = readInstruction(instruction);
  const f = scoreEdit({ read, before: source, after: output });
  const sc = round1(Math.min(10, Math.max(0, 10 * ((f.fit + 1) / 2) - f.sideEffects)));
  let pq: number;
  if (pqWording === "perceptual_quality") {
    const clipped = Math.max(0, output.clipping - 0.02) * 20; // some clipping is normal in real photos
    pq = 10 - Math.min(4, clipped) - f.clipping - f.cast;
  } else {
    const delta = scaledDelta(source, output);
    const drift = DIMENSIONS.filter((d) => !read.moves[d]).reduce((s, d) => s + Math.max(0, Math.abs(delta[d]) - 1), 0);
    pq = 10 - Math.min(5, 0.5 * drift) - f.clipping;
  }
  pq = round1(Math.min(10, Math.max(0, pq)));
  const reasoning = `${explainFit("Output", f)}\nSC ${sc}: instruction satisfaction from the measured change. PQ ${pq} (${pqWording.replace("_", " ")}).`;
  return { sc, pq, o: overallScore(sc, pq), pqWording, reasoning };
}
