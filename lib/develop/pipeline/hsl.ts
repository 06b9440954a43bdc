import { hueOf } from "../color/hsv";
import { hueBandWeights, weighted } from "./hue-bands";
import { assertRange, outputFor, type FloatImage } from "./types";

/** The HSL panel: eight values per row in band order (Red, Orange, Yellow, Green, Aqua, Blue, Purple, Magenta), each ±100. */
export type HslOptions = {
  /** Hue shifts. @default all 0 */ hue?: ArrayLike<number>;
  /** Saturation changes. @default all 0 */ saturation?: ArrayLike<number>;
  /** Luminance changes. @default all 0 */ luminance?: ArrayLike<number>;
};

/** Largest hue rotation at ±100, degrees. */
const MAX_HUE_SHIFT = 30;
/** log2 of the brightness factor at luminance ±100 for a fully saturated colour. */
const MAX_LUM_STOPS = 0.8;

const ZERO8 = new Float64Array(8);

function check(name: string, v: ArrayLike<number> | undefined): ArrayLike<number> {
  if (!v) return ZERO8;
  if (v.length !== 8) throw new RangeError(`${name} needs 8 band values, got ${v.length}`);
  for (let k = 0; k < 8; k++) assertRange(`${name}[${k}]`, v[k], -100, 100);
  return v;
}

/** Whether every HSL slider is 0. */
export function isHslIdentity(o: HslOptions): boolean {
  return [o.hue, o.saturation, o.luminance].every((row) => !row || Array.from(row).every((v) => v === 0));
}

/**
 * Per-band hue / saturation / luminance on display-encoded RGB (HSV model, our own formulation in
 * the spirit of MonetGPT's hsl.yaml windows). With band weights w(h) from {@link hueBandWeights}:
 * h' = h + 30°·Σw·hue/100;  s' = clamp(s·(1 + Σw·sat/100));  v' = min(1, v·2^(0.8·s·Σw·lum/100)).
 * Every change scales with the colour's saturation, so neutrals (whose hue is undefined) stay put
 * and the result is continuous — a requirement for baking it into a 3D LUT.
 */
export function applyHsl({ image, out, ...options }: { image: FloatImage; out?: Float32Array } & HslOptions): FloatImage {
  const hue = check("hue", options.hue);
  const sat = check("saturation", options.saturation);
  const lum = check("luminance", options.luminance);
  const dst = outputFor(image, out);
  const src = image.data;
  const w = new Float64Array(8);
  for (let i = 0; i < src.length; i += 3) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const max = r > g ? (r > b ? r : b) : g > b ? g : b;
    const min = r < g ? (r < b ? r : b) : g < b ? g : b;
    if (max <= 0 || max === min) {
      dst[i] = r;
      dst[i + 1] = g;
      dst[i + 2] = b;
      continue;
    }
    const s = (max - min) / max;
    const h = hueOf(r, g, b);
    hueBandWeights(h, w);
    const h2 = h + (MAX_HUE_SHIFT * weighted(w, hue)) / 100;
    let s2 = s * (1 + weighted(w, sat) / 100);
    s2 = s2 < 0 ? 0 : s2 > 1 ? 1 : s2;
    let v2 = max * Math.pow(2, (MAX_LUM_STOPS * s * weighted(w, lum)) / 100);
    if (v2 > 1) v2 = 1;
    writeHsv(h2, s2, v2, dst, i);
  }
  return { data: dst, width: image.width, height: image.height };
}

/** HSV → RGB into `dst[i..i+2]`. */
function writeHsv(h: number, s: number, v: number, dst: Float32Array, i: number): void {
  const hh = (((h % 360) + 360) % 360) / 60;
  const sector = Math.floor(hh) % 6;
  const f = hh - Math.floor(hh);
  const p = v * (1 - s);
  const q = v * (1 - s * f);
  const t = v * (1 - s * (1 - f));
  const rgb = [
    [v, t, p],
    [q, v, p],
    [p, v, t],
    [p, q, v],
    [t, p, v],
    [v, p, q],
  ][sector];
  dst[i] = rgb[0];
  dst[i + 1] = rgb[1];
  dst[i + 2] = rgb[2];
}
