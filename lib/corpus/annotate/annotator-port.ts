import type { DevelopParams } from "@/lib/develop";
import type { RawImage } from "@/lib/imaging";

/** One side of the pair as the annotator sees it: preview-size pixels and the JPEG an MLLM is sent. */
export type AnnotatorImage = { pixels: RawImage; jpeg: Uint8Array };

/** What the annotator role receives (paper §3.2: I0, I and the edit e). */
export type AnnotatorRequest = { trajectoryId: string; params: DevelopParams; before: AnnotatorImage; after: AnnotatorImage };

/** The annotator's answer and who gave it; the backend is recorded so heuristic output is never mistaken for an MLLM's. */
export type AnnotatorResult = {
  intentions: { short: string; medium: string; long: string };
  reasoning: string;
  model: { id: string | null; name: string; backend: string };
  promptVersion: string;
};

/**
 * The corpus pipeline's view of the annotator role. By default the pipeline
 * calls `lib/inference`'s gateway (`gatewayAnnotator`); `setAnnotator`
 * overrides it process-wide (tests, a second backend), and
 * `heuristicAnnotator` calls the heuristic directly, without the call log.
 */
export type Annotator = (request: AnnotatorRequest) => Promise<AnnotatorResult>;

let current: Annotator | null = null;

/** Installs the annotator the pipeline calls (process-wide). */
export function setAnnotator(annotator: Annotator | null): void {
  current = annotator;
}

/** The installed annotator, or `fallback` when none is installed. */
export function getAnnotator(fallback: Annotator): Annotator {
  return current ?? fallback;
}
