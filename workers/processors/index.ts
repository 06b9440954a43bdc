import { processAnnotateTrajectory } from "./annotate-trajectory";
import { processEvalItem } from "./eval-item";
import { processImportCorpus } from "./import-corpus";
import { processIngestImage } from "./ingest-image";
import { processJudgePair, processPerturb, processRollout } from "./preference";
import { processSweep } from "./sweep";
import type { ProcessorMap } from "./types";

export const processors: ProcessorMap = {
  "ingest-image": processIngestImage,
  sweep: processSweep,
  "import-corpus": processImportCorpus,
  "annotate-trajectory": processAnnotateTrajectory,
  "eval-item": processEvalItem,
  perturb: processPerturb,
  rollout: processRollout,
  "judge-pair": processJudgePair,
};
