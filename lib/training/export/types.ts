import type { DevelopParams } from "@/lib/develop/params";

/** An image referenced by an export: the blob that holds it and the bundle path it gets. */
export type ExportImage = { sha256: string; format: string };

/**
 * One policy sample: an instruction on a source image. `sampleId` is the
 * instruction id; the reward service resolves it back to the source image.
 * `params`/`reasoning` (the expert edit) feed SFT; RL rows never show them.
 */
export type PolicyItem = {
  sampleId: string;
  trajectoryId: string;
  instruction: string;
  source: ExportImage;
  params: DevelopParams;
  reasoning: string;
  split: string;
  category: string;
};

/** One strong/weak pair for the reward model (PGRT and reward SFT). */
export type PairItem = {
  pairId: string;
  trajectoryId: string;
  instruction: string;
  original: ExportImage;
  strong: ExportImage;
  weak: ExportImage;
  /** Where the weak edit came from: `perturbed`, `policy@<round>`, `human_fix`. */
  weakSource: string;
  split: string;
  /** The reward model's metrics and scores for the SFT target (a model label), when known. */
  metrics?: { name: string; description: string }[];
  scores?: { strong: number; weak: number };
};

/** A file the exporter produced (data, dataset_info.json); images are referenced by blob, not copied. */
export type DataFile = { path: string; bytes: Uint8Array; contentType: string };

/** What building an export yields before anything is stored. */
export type BuiltExport = {
  dataFiles: DataFile[];
  images: { path: string; sha256: string }[];
  counts: Record<string, number>;
};
