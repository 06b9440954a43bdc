// Public API of the dataset exporters: EasyR1 / verl RL rows and LLaMA-Factory SFT,
// stored as immutable, content-hashed bundles with a manifest.
export { buildExport, FORMAT_INPUT, IMAGES_PER_ROW, type ExportItems } from "./build-export";
export { createExport, createExportInput } from "./create-export";
export { loadPairItems } from "./load-pair-items";
export { getExportFile } from "./get-export-file";
export { imagePath } from "./image-path";
export { listExports } from "./list-exports";
export { exportContentHash, type ExportManifest } from "./manifest";
export { refuseBenchmarkItems } from "./refuse-benchmark-items";
export type { PairItem, PolicyItem } from "./types";
export { validateExport } from "./validate-export";
