// Public API of the corpus: import (manifest / folder, resumable), categories and splits,
// the annotation pipeline (render → annotate → filter → review queue), browse queries, snapshots.
export { assignSplit, DEFAULT_SPLIT_RATIOS, type SplitRatios } from "./classify/assign-split";
export {
  classifyCategory,
  hasLocalCorrections,
  DEFAULT_CATEGORY_RULES,
  type CategoryRules,
  type CategoryDecision,
} from "./classify/classify-category";
export { parseManifest } from "./import/parse-manifest";
export { scanFolder } from "./import/scan-folder";
export type { ImportItem, ItemError } from "./import/import-item";
export { createImport, createImportInput } from "./import/create-import";
export { runImport, runImportInput, markImportFailed, type ImportProgress } from "./import/run-import";
export { getImportOrThrow } from "./import/get-import";
export { allowedImportHosts } from "./import/file-source";
export { contentKeyOf, paramsHashOf } from "./import/content-key";
export { FIDELITY_MAX_EDGE } from "./import/measure-fidelity";
export { annotateTrajectory, annotateTrajectoryInput, markAnnotationFailed, type AnnotateResult } from "./annotate/annotate-trajectory";
export { setAnnotator, getAnnotator, type Annotator, type AnnotatorRequest, type AnnotatorResult } from "./annotate/annotator-port";
export { heuristicAnnotator, HEURISTIC_ANNOTATOR_VERSION } from "./annotate/heuristic-annotator";
export { gatewayAnnotator } from "./annotate/gateway-annotator";
export { preparePair, ANNOTATION_PREVIEW_EDGE } from "./annotate/prepare-pair";
export { reannotateTrajectories, reannotateInput } from "./annotate/reannotate";
export { runFilters, RULE_FILTERS } from "./filters/run-filters";
export { editStrength } from "./filters/edit-strength";
export type { FilterInput, FilterReason, AnnotationFilter } from "./filters/types";
export { corpusFilterSchema, type CorpusFilter } from "./browse/corpus-filter";
export { listTrajectories, listTrajectoriesInput, type TrajectoryListItem } from "./browse/list-trajectories";
export { getTrajectoryOrThrow } from "./browse/get-trajectory";
export { getCorpusCounts, type CorpusCounts } from "./browse/get-corpus-counts";
export { countMatching, COUNT_CAP } from "./browse/count-matching";
export { updateTrajectories, updateTrajectoriesInput } from "./browse/update-trajectories";
export { createSnapshot, createSnapshotInput } from "./snapshots/create-snapshot";
export { listSnapshots } from "./snapshots/list-snapshots";
export { stageUpload, stageUploadInput, importStagingDir } from "./import/stage-upload";
export { sweepUnannotatedTrajectories } from "./annotate/sweep-unannotated";
export { sweepRunningImports } from "./import/sweep-running-imports";
export { saveEdit, saveEditInput, listEdits } from "./edits/save-edit";
export { getDevelopTrajectory } from "./edits/get-develop-trajectory";
