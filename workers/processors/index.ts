import { processAdvanceRound } from "./advance-round";
import { processAdvanceTrainingRun } from "./advance-training-run";
import { processAnnotateTrajectory } from "./annotate-trajectory";
import { processImportCorpus } from "./import-corpus";
import { processIngestImage } from "./ingest-image";
import { processSweep } from "./sweep";
import type { ProcessorMap } from "./types";

export const processors: ProcessorMap = {
  "ingest-image": processIngestImage,
  sweep: processSweep,
  "import-corpus": processImportCorpus,
  "annotate-trajectory": processAnnotateTrajectory,
  "advance-training-run": processAdvanceTrainingRun,
  "advance-round": processAdvanceRound,
};
