import { computeImageStats } from "@/lib/imaging";
import { annotateHeuristic } from "@/lib/inference/heuristic/annotate";
import { lookOf } from "@/lib/inference/heuristic/look";
import type { Annotator } from "./annotator-port";

/** Prompt version recorded for heuristic annotations; bump when the heuristic's wording changes. */
export const HEURISTIC_ANNOTATOR_VERSION = "heuristic-annotate-v1";

/**
 * Adapter onto `lib/inference`'s built-in heuristic annotator (image
 * statistics + parameter deltas, no model), labelled `heuristic` in the data.
 */
export const heuristicAnnotator: Annotator = async ({ params, before, after }) => {
  const annotation = annotateHeuristic({
    before: lookOf(computeImageStats(before.pixels)),
    after: lookOf(computeImageStats(after.pixels)),
    params,
  });
  return { ...annotation, model: { id: null, name: "heuristic", backend: "heuristic" }, promptVersion: HEURISTIC_ANNOTATOR_VERSION };
};
