/** A leaderboard metric: how to read it off an item and which way is better. */
export type MetricColumn = { key: MetricKey; label: string; better: "lower" | "higher"; digits: number };
export type MetricKey = "l1" | "l2" | "sc" | "pq" | "o" | "psnr" | "ssim" | "lpips";

/** The paper's Table 1 (RetouchEval): L1↓ L2↓ SC↑ PQ↑ O↑ per split. */
export const TABLE1_METRICS: MetricColumn[] = [
  { key: "l1", label: "L1", better: "lower", digits: 4 },
  { key: "l2", label: "L2", better: "lower", digits: 4 },
  { key: "sc", label: "SC", better: "higher", digits: 2 },
  { key: "pq", label: "PQ", better: "higher", digits: 2 },
  { key: "o", label: "O", better: "higher", digits: 2 },
];

/** The paper's Table 2 (MIT-Adobe FiveK): PSNR↑ SSIM↑ LPIPS↓. */
export const TABLE2_METRICS: MetricColumn[] = [
  { key: "psnr", label: "PSNR", better: "higher", digits: 2 },
  { key: "ssim", label: "SSIM", better: "higher", digits: 4 },
  { key: "lpips", label: "LPIPS", better: "lower", digits: 4 },
];

export const ALL_METRICS: MetricColumn[] = [...TABLE1_METRICS, ...TABLE2_METRICS];

/** One scored item as the leaderboard reads it. */
export type ScoredItem = {
  itemId: string;
  split: string;
  metrics: { l1: number; l2: number; psnr: number; ssim: number; lpips?: number | null } | null;
  sc: number | null;
  pq: number | null;
  o: number | null;
  /** JarvisArt rule-reward total, when the run used that scorer. */
  rule?: number | null;
};

/** The value of `key` for an item, or null when absent (judge failed, no LPIPS scorer). */
export function metricValue(item: ScoredItem, key: MetricKey): number | null {
  if (key === "sc" || key === "pq" || key === "o") return item[key];
  const v = item.metrics?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
