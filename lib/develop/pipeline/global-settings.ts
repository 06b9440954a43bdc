import type { ColorGradingOptions } from "./color-grading";
import type { CurvesOptions } from "./curves";
import type { GrayscaleOptions } from "./grayscale";
import type { HslOptions } from "./hsl";
import type { PointColorOptions } from "./point-color";
import type { ToneOptions } from "./tone";
import type { VibranceSaturationOptions } from "./vibrance-saturation";
import type { WhiteBalanceOptions } from "./white-balance";

/**
 * Every per-pixel (global) stage, in engine units. `null` / absent means "skip the stage".
 * The first four are separable (one function per channel); the rest mix channels.
 */
export type GlobalSettings = {
  whiteBalance?: WhiteBalanceOptions | null;
  /** Exposure in EV. */
  exposure?: number;
  tone?: ToneOptions | null;
  /**
   * Highlights/Shadows as edge-aware regions (tone-regions.ts): the lift is taken at each pixel's
   * base brightness, given to the float path as a per-pixel `toneDelta` and to the LUT path as a
   * base level per pixel. Off: the per-value curve of tone.ts (as in local corrections).
   */
  toneRegions?: boolean;
  curves?: CurvesOptions | null;
  hsl?: HslOptions | null;
  pointColor?: PointColorOptions | null;
  colorGrading?: ColorGradingOptions | null;
  vibranceSaturation?: VibranceSaturationOptions | null;
  grayscale?: GrayscaleOptions | null;
};

/** Whether a stage that mixes channels is active (decides between the 1D and the 3D LUT). */
export function hasColorStages(s: GlobalSettings): boolean {
  return Boolean(s.hsl || s.pointColor || s.colorGrading || s.vibranceSaturation || s.grayscale);
}
