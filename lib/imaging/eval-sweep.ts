/** What one sweep over a same-size pair gathers: integer error sums over R, G, B and the mean SSIM of luma. */
export type EvalSweep = {
  /** Σ|Δ| over every R, G, B sample, in 8-bit steps. */
  sumAbs: number;
  /** ΣΔ² likewise. */
  sumSq: number;
  ssim: number;
};
