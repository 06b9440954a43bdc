import { LUMA_B, LUMA_G, LUMA_R } from "../color/luma";
import { srgbToLinear } from "../color/srgb";
import { makeToneFunction, type ToneOptions } from "./tone";
import { assertRange, type FloatImage } from "./types";
import { whiteBalanceGains } from "./white-balance";

/** One local correction in engine units: a weight map (0–1 per pixel) and UI-unit sliders. */
export type LocalCorrection = {
  /** Mask weight per pixel (already multiplied by CorrectionAmount). */
  weight: Float32Array;
  /** Exposure in EV (LocalExposure2012 × 4). @default 0 */
  exposure?: number;
  /** Tone sliders, ±100 (stored value × 100). */
  tone?: ToneOptions;
  /** ±100. @default 0 */ saturation?: number;
  /** Hue rotation, ±100 → ±30°. @default 0 */ hue?: number;
  /** ±100. @default 0 */ temperature?: number;
  /** ±100. @default 0 */ tint?: number;
};

/** Samples of the full-strength luminance transfer over Y in [0, 1]. */
const TABLE = 1024;

/**
 * Applies local corrections in place on a linear image, one after another. For each correction
 * with weight w at a pixel:
 * - tone: Y' = decode(tone(Y·2^EV)) from the global tone function with the local sliders (tabulated
 *   over Y), gain g = Y'/Y, rgb ·= 1 + w(g − 1);
 * - white balance: per-channel gains from the local temperature/tint, blended the same way;
 * - saturation s and hue θ: the chroma vector d = rgb − mean is rotated by w·θ·30° about the grey
 *   axis and scaled by 1 + w·s/100.
 * Blending the full-strength result by w (rather than scaling the sliders) keeps each correction
 * one table lookup per pixel; at w = 1 it is the full effect, at w = 0 none.
 */
export function applyLocalCorrections({ image, corrections }: { image: FloatImage; corrections: readonly LocalCorrection[] }): FloatImage {
  const n = image.width * image.height;
  for (const c of corrections) {
    if (c.weight.length !== n) throw new RangeError(`weight map has ${c.weight.length} values, expected ${n}`);
    const { exposure = 0, saturation = 0, hue = 0, temperature = 0, tint = 0 } = c;
    assertRange("exposure", exposure, -10, 10);
    for (const [k, v] of Object.entries({ saturation, hue, temperature, tint })) assertRange(k, v, -100, 100);
    const tone = exposure !== 0 || Object.values(c.tone ?? {}).some((v) => v) ? toneTable(exposure, c.tone ?? {}) : null;
    const wb = temperature || tint ? whiteBalanceGains({ temperature, tint }) : null;
    const theta = (hue / 100) * (Math.PI / 6);
    applyOne({ image, weight: c.weight, tone, wb, sat: saturation / 100, theta });
  }
  return image;
}

function toneTable(ev: number, tone: ToneOptions): Float32Array {
  const f = makeToneFunction(tone);
  const gain = Math.pow(2, ev);
  return Float32Array.from({ length: TABLE + 1 }, (_, i) => srgbToLinear(f((i / TABLE) * gain)));
}

function applyOne({
  image,
  weight,
  tone,
  wb,
  sat,
  theta,
}: {
  image: FloatImage;
  weight: Float32Array;
  tone: Float32Array | null;
  wb: number[] | null;
  sat: number;
  theta: number;
}): void {
  const d = image.data;
  const k = 1 / Math.sqrt(3);
  for (let p = 0, i = 0; p < weight.length; p++, i += 3) {
    const w = weight[p];
    if (w <= 0) continue;
    let r = d[i];
    let g = d[i + 1];
    let b = d[i + 2];
    if (tone) {
      const y = LUMA_R * r + LUMA_G * g + LUMA_B * b;
      const t = Math.min(TABLE, Math.max(0, y * TABLE));
      const j = Math.min(TABLE - 1, t | 0);
      const ty = tone[j] + (tone[j + 1] - tone[j]) * (t - j);
      const gain = y > 1e-6 ? 1 + w * (ty / y - 1) : 1 + w * (ty > 0 ? ty / 1e-6 - 1 : 0);
      r *= gain;
      g *= gain;
      b *= gain;
    }
    if (wb) {
      r *= 1 + w * (wb[0] - 1);
      g *= 1 + w * (wb[1] - 1);
      b *= 1 + w * (wb[2] - 1);
    }
    if (sat !== 0 || theta !== 0) {
      const m = (r + g + b) / 3;
      const dr = r - m;
      const dg = g - m;
      const db = b - m;
      const cs = Math.cos(w * theta) * (1 + w * sat);
      const sn = Math.sin(w * theta) * (1 + w * sat) * k;
      r = m + dr * cs + (db - dg) * sn;
      g = m + dg * cs + (dr - db) * sn;
      b = m + db * cs + (dg - dr) * sn;
    }
    d[i] = r > 0 ? r : 0;
    d[i + 1] = g > 0 ? g : 0;
    d[i + 2] = b > 0 ? b : 0;
  }
}
