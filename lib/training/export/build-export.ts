import type { ExportFormat } from "@/db/schema";
import { imagePath } from "./image-path";
import { easyr1PgrtRow, easyr1PolicyRow, policySftRow, rewardSftRow, verlPgrtRow, verlPolicyRow, type RowOptions } from "./rows";
import type { BuiltExport, DataFile, ExportImage, PairItem, PolicyItem } from "./types";
import { writeJsonl, writeParquet } from "./write-parquet";

/** Which kind of item each format consumes. */
export const FORMAT_INPUT: Record<ExportFormat, "policy" | "pairs"> = {
  "easyr1-policy": "policy",
  "verl-policy": "policy",
  "llamafactory-policy-sft": "policy",
  "easyr1-pgrt": "pairs",
  "verl-pgrt": "pairs",
  "llamafactory-reward-sft": "pairs",
};

/** Images each format shows per row: what `<image>` tags and `images` must agree on. */
export const IMAGES_PER_ROW: Record<ExportFormat, number> = {
  "easyr1-policy": 1,
  "verl-policy": 1,
  "llamafactory-policy-sft": 1,
  "easyr1-pgrt": 3,
  "verl-pgrt": 3,
  "llamafactory-reward-sft": 3,
};

export type ExportItems = { kind: "policy"; items: PolicyItem[] } | { kind: "pairs"; items: PairItem[] };

const PARQUET = "application/vnd.apache.parquet";
const JSONL = "application/jsonl";

/**
 * Builds an export's files in memory from already-loaded items: one data file
 * per split (`train`, and `val` when there are val items), plus
 * `dataset_info.json` for LLaMA-Factory, and the list of images to reference.
 * Pure: the same items and options give byte-identical files.
 */
export function buildExport(format: ExportFormat, input: ExportItems, o: RowOptions): BuiltExport {
  if (FORMAT_INPUT[format] !== input.kind) throw new RangeError(`${format} exports ${FORMAT_INPUT[format]} items, not ${input.kind}`);
  const sorted = [...input.items].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const splits = new Map<string, (PolicyItem | PairItem)[]>();
  for (const item of sorted) {
    const split = item.split === "val" ? "val" : "train";
    splits.set(split, [...(splits.get(split) ?? []), item]);
  }
  const dataFiles: DataFile[] = [];
  const counts: Record<string, number> = { rows: sorted.length };
  for (const [split, items] of [...splits].sort(([a], [b]) => a.localeCompare(b))) {
    counts[split] = items.length;
    dataFiles.push(dataFile(format, split, items, o));
  }
  if (format.startsWith("llamafactory")) dataFiles.push(datasetInfo(format, [...splits.keys()]));

  const images = new Map<string, string>();
  for (const item of sorted) for (const image of imagesOf(item)) images.set(imagePath(image), image.sha256);
  counts.images = images.size;
  return { dataFiles, images: [...images].sort(([a], [b]) => a.localeCompare(b)).map(([path, sha256]) => ({ path, sha256 })), counts };
}

const keyOf = (item: PolicyItem | PairItem) => ("pairId" in item ? item.pairId : item.sampleId);
const imagesOf = (item: PolicyItem | PairItem): ExportImage[] =>
  "pairId" in item ? [item.original, item.strong, item.weak] : [item.source];

/** The file name LLaMA-Factory's dataset_info.json registers for a split. */
export const sftFileName = (format: ExportFormat, split: string) =>
  `${format.replace("llamafactory-", "").replace(/-/g, "_")}_${split}.jsonl`;

function dataFile(format: ExportFormat, split: string, items: (PolicyItem | PairItem)[], o: RowOptions): DataFile {
  const policy = items as PolicyItem[];
  const pairs = items as PairItem[];
  switch (format) {
    case "easyr1-policy":
      return { path: `${split}.parquet`, contentType: PARQUET, bytes: writeParquet(policy.map((i) => easyr1PolicyRow(i, o))) };
    case "easyr1-pgrt":
      return { path: `${split}.parquet`, contentType: PARQUET, bytes: writeParquet(pairs.map((p) => easyr1PgrtRow(p, o))) };
    case "verl-policy":
      return { path: `${split}.parquet`, contentType: PARQUET, bytes: writeParquet(policy.map((i, n) => verlPolicyRow(i, o, n))) };
    case "verl-pgrt":
      return { path: `${split}.parquet`, contentType: PARQUET, bytes: writeParquet(pairs.map((p, n) => verlPgrtRow(p, o, n))) };
    case "llamafactory-policy-sft":
      return { path: sftFileName(format, split), contentType: JSONL, bytes: writeJsonl(policy.map(policySftRow)) };
    case "llamafactory-reward-sft":
      return { path: sftFileName(format, split), contentType: JSONL, bytes: writeJsonl(pairs.map((p) => rewardSftRow(p, o))) };
  }
}

/** The `data/dataset_info.json` fragment that registers each split's sharegpt file. */
function datasetInfo(format: ExportFormat, splits: string[]): DataFile {
  const info = Object.fromEntries(
    splits
      .sort()
      .map((split) => [
        `riq_${sftFileName(format, split).replace(/\.jsonl$/, "")}`,
        { file_name: sftFileName(format, split), formatting: "sharegpt", columns: { messages: "conversations", images: "images" } },
      ]),
  );
  return {
    path: "dataset_info.json",
    contentType: "application/json",
    bytes: new TextEncoder().encode(JSON.stringify(info, null, 2) + "\n"),
  };
}
