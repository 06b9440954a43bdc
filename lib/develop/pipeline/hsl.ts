import { hueBandWeights, weighted } from "./hue-bands";
import { rotateChroma } from "./rotate-chroma";
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

/**
 * HSV saturation below which band edits fade out. Near grey the hue turns a full circle within a
 * few codes, so an unguarded per-hue edit varies faster than any LUT grid can follow. The fade
 * k = u(2 − u), u = min(1, s/0.6), makes an edit's size grow like chroma² near grey with bounded
 * curvature (a smoothstep fade would triple the curvature) and leaves near-neutrals alone.
 */
const NEUTRAL_GUARD = 0.6;

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
 * Per-band hue / saturation / luminance on display-encoded RGB (our own formulation in the spirit
 * of MonetGPT's hsl.yaml windows). The colour is split into its grey level m = mean(r, g, b) and a
 * chroma vector d = rgb − m; the hue angle h = atan2(√3/2·(g − b), r − (g + b)/2) puts red at 0°,
 * yellow 60°, green 120°, cyan 180°, blue 240°, magenta 300°. With band weights w(h) from
 * {@link hueBandWeights} and the neutral guard k = u(2 − u), u = min(1, (max − min)/(0.6·max)):
 * d is rotated about the grey axis by θ = k·30°·Σw·hue/100 and scaled by max(0, 1 + k·Σw·sat/100);
 * the result is multiplied by 2^(k·0.8·Σw·lum/100).
 * A rotation about the grey axis (rather than a walk round the HSV hexagon) is smooth in RGB and
 * the guard fades edits out toward neutrals, whose hue is noise — both keep the 3D LUT accurate.
 * Results may leave [0, 1]; the output stage clips.
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
    const h = (Math.atan2((Math.sqrt(3) / 2) * (g - b), r - (g + b) / 2) * 180) / Math.PI;
    hueBandWeights(h < 0 ? h + 360 : h, w);
    const u = Math.min(1, (max - min) / max / NEUTRAL_GUARD);
    const k = u * u;
    const theta = (k * MAX_HUE_SHIFT * weighted(w, hue) * Math.PI) / (100 * 180);
    const scale = Math.max(0, 1 + (k * weighted(w, sat)) / 100);
    // exp(x·ln 2) rather than Math.pow(2, x): ~4× faster in V8, within an ulp or two.
    const gain = Math.exp(((k * MAX_LUM_STOPS * weighted(w, lum)) / 100) * Math.LN2);
    rotateChroma(r, g, b, theta, scale, gain, dst, i);
  }
  return { data: dst, width: image.width, height: image.height };
}
