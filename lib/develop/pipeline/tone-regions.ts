import { SRGB_DECODE_LUT } from "../color/srgb";
import { boxBlur, type Plane } from "./box-blur";
import type { Image8 } from "./decode";
import type { GlobalSettings } from "./global-settings";
import { makeExposureFunction } from "./exposure";
import { makeToneBump, makeTonePre, type ToneOptions } from "./tone";

/**
 * Edge-aware tone regions for Highlights/Shadows (Process Version 2012 makes them local).
 *
 * The lift of each pixel is taken at a smooth *base* brightness instead of the pixel's own value,
 * so detail inside a region keeps its contrast and a step edge does not bleed (no halo): the base
 * is a guided filter (He, Sun & Tang, ECCV 2010) of the display luminance, self-guided, computed
 * on a plane downsampled to ≤ {@link REGION_TARGET_SIZE} px on the long edge (area average), with
 * its linear coefficients a, b bilinearly upsampled and applied to the full-resolution luminance:
 * base = a·Y + b (the "fast guided filter", He & Sun 2015). Cost at full resolution: a bilinear
 * lerp and a multiply-add per pixel; the filter itself runs on ≤ 512² values.
 *
 * Guide: Y = (54 R + 183 G + 19 B)/256 of the 8-bit *input* codes (display-referred Rec. 709
 * weights), so the base, and thus the region of each pixel, does not depend on the edit.
 * Window radius: 2 % of the long edge; ε = 0.01 (edges whose local standard deviation exceeds
 * ≈ 0.1 display units are kept). A step edge's transition is confined to
 * {@link haloWidth} full-resolution pixels on either side.
 */
export type ToneRegions = {
  /** Upsampling factor (full-resolution pixels per low-resolution pixel). */
  factor: number;
  /** Low-resolution size. */
  width: number;
  height: number;
  /** Guided-filter coefficients on the low-resolution grid (b scaled to 0–255). */
  a: Float32Array;
  b: Float32Array;
};

/** Long edge of the plane the guided filter runs on. */
export const REGION_TARGET_SIZE = 512;
/** Guided-filter window radius as a fraction of the long edge. */
export const REGION_RADIUS_FRACTION = 0.02;
/** Guided-filter regulariser, in squared display units. */
export const REGION_EPS = 0.01;

/** Downsampling factor for an image of this size. */
export function regionFactor(width: number, height: number): number {
  return Math.max(1, Math.ceil(Math.max(width, height) / REGION_TARGET_SIZE));
}

/** Window radius on the low-resolution plane. */
export function regionRadius(width: number, height: number): number {
  return Math.max(1, Math.round((REGION_RADIUS_FRACTION * Math.max(width, height)) / regionFactor(width, height)));
}

/**
 * Full-resolution distance from a step edge beyond which the base equals the pixel's own side:
 * the two box passes of the filter (2 radii) plus the bilinear upsampling (1 cell), in low-res
 * pixels, times the factor.
 */
export function haloWidth(width: number, height: number): number {
  return (2 * regionRadius(width, height) + 2) * regionFactor(width, height);
}

/** Runs the guided filter on the downsampled luminance of `image`. */
export function computeToneRegions(image: Image8): ToneRegions {
  const { width, height, channels, data } = image;
  const factor = regionFactor(width, height);
  const lw = Math.ceil(width / factor);
  const lh = Math.ceil(height / factor);
  // Integer sums and counts (exact), added block by block along each sampled row.
  const sum = new Int32Array(lw * lh);
  const count = new Int32Array(lw * lh);
  // Block means from every `step`-th pixel and row (step = factor/2, ≥ 1): 4+ samples per block
  // are plenty for a guide that is box-filtered again, at a fraction of a full pass.
  const step = Math.max(1, factor >> 1);
  const stride = step * channels;
  for (let y = 0; y < height; y += step) {
    const lrow = ((y / factor) | 0) * lw;
    const rowStart = y * width * channels;
    for (let j = 0, x = 0; j < lw; j++) {
      const end = Math.min(width, (j + 1) * factor);
      let blockSum = 0;
      let samples = 0;
      for (let i = rowStart + x * channels; x < end; x += step, i += stride, samples++)
        blockSum += (54 * data[i] + 183 * data[i + 1] + 19 * data[i + 2] + 128) >> 8;
      sum[lrow + j] += blockSum;
      count[lrow + j] += samples;
    }
  }
  const n = lw * lh;
  const guide = new Float32Array(n);
  const guide2 = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = sum[i] / count[i] / 255;
    guide[i] = v;
    guide2[i] = v * v;
  }
  const radius = regionRadius(width, height);
  const scratch = new Float32Array(n);
  // Every pass writes over a plane it no longer needs: the guide planes become the means, then
  // the coefficients (a over mean², b over mean), then their blurs. Fresh memory costs page faults,
  // which on a VM made this function's time vary 10–45 ms at 12 MP with 11 planes allocated.
  const blur = (plane: Float32Array): Float32Array =>
    boxBlur({ plane: { data: plane, width: lw, height: lh } as Plane, radius, scratch, out: plane }).data;
  const mean = blur(guide);
  const mean2 = blur(guide2);
  const a = mean2;
  const b = mean;
  for (let i = 0; i < n; i++) {
    const m = mean[i];
    const variance = Math.max(0, mean2[i] - m * m);
    const ai = Math.fround(variance / (variance + REGION_EPS));
    a[i] = ai;
    b[i] = m * (1 - ai) * 255;
  }
  return { factor, width: lw, height: lh, a: blur(a), b: blur(b) };
}

/**
 * Runs of pixels that share a left low-resolution neighbour j: x in [start, end), where the
 * bilinear position is f0 + (x − start)·df (df = 0 where the position is clamped at the borders).
 * Walking a row run by run, a coefficient is two additions per pixel.
 */
export type RegionSpans = { start: Int32Array; end: Int32Array; j: Int32Array; f0: Float32Array; df: Float32Array };

export function regionSpans(regions: ToneRegions, width: number): RegionSpans {
  const { factor, width: lw } = regions;
  const rows: [number, number, number, number, number][] = [];
  let key = -1;
  for (let x = 0; x < width; x++) {
    const raw = (x + 0.5) / factor - 0.5;
    const clamped = lw === 1 || raw <= 0 || raw >= lw - 1;
    const u = lw === 1 ? 0 : Math.min(lw - 1, Math.max(0, raw));
    const j = lw === 1 ? 0 : Math.min(lw - 2, Math.floor(u));
    const k = 2 * j + (clamped ? 1 : 0);
    if (k !== key) {
      rows.push([x, x + 1, j, u - j, clamped ? 0 : 1 / factor]);
      key = k;
    } else rows[rows.length - 1][1] = x + 1;
  }
  return {
    start: Int32Array.from(rows, (r) => r[0]),
    end: Int32Array.from(rows, (r) => r[1]),
    j: Int32Array.from(rows, (r) => r[2]),
    f0: Float32Array.from(rows, (r) => r[3]),
    df: Float32Array.from(rows, (r) => r[4]),
  };
}

/** Vertically interpolated coefficients of full-resolution row y (lw + 1 entries, last repeated). */
export function regionRow(regions: ToneRegions, y: number, rowA: Float32Array, rowB: Float32Array): void {
  const { factor, width: lw, height: lh, a, b } = regions;
  const v = Math.min(lh - 1, Math.max(0, (y + 0.5) / factor - 0.5));
  const y0 = Math.floor(v);
  const y1 = Math.min(lh - 1, y0 + 1);
  const fy = v - y0;
  const r0 = y0 * lw;
  const r1 = y1 * lw;
  for (let j = 0; j < lw; j++) {
    const a0 = a[r0 + j];
    const b0 = b[r0 + j];
    rowA[j] = a0 + (a[r1 + j] - a0) * fy;
    rowB[j] = b0 + (b[r1 + j] - b0) * fy;
  }
  rowA[lw] = rowA[lw - 1];
  rowB[lw] = rowB[lw - 1];
}

/**
 * Walks the full-resolution image with the bilinearly upsampled coefficients and writes the base
 * a·Y + b (0–255 scale) of every pixel, as a display value (float) or a rounded level (uint8).
 * `kind` picks the form inline (a per-pixel callback measured 5× slower).
 */
function writeBase(regions: ToneRegions, image: Image8, out: Float32Array | Uint8Array, kind: "float" | "level"): void {
  const { width, height, channels, data } = image;
  const spans = regionSpans(regions, width);
  const rowA = new Float32Array(regions.width + 1);
  const rowB = new Float32Array(regions.width + 1);
  const float = kind === "float";
  for (let y = 0; y < height; y++) {
    regionRow(regions, y, rowA, rowB);
    for (let s = 0; s < spans.start.length; s++) {
      const j = spans.j[s];
      const dA = rowA[j + 1] - rowA[j];
      const dB = rowB[j + 1] - rowB[j];
      let ca = rowA[j] + dA * spans.f0[s];
      let cb = rowB[j] + dB * spans.f0[s];
      const sa = dA * spans.df[s];
      const sb = dB * spans.df[s];
      for (let x = spans.start[s], p = y * width + x, i = p * channels; x < spans.end[s]; x++, p++, i += channels, ca += sa, cb += sb) {
        const base = ca * ((54 * data[i] + 183 * data[i + 1] + 19 * data[i + 2] + 128) >> 8) + cb;
        if (float) out[p] = base <= 0 ? 0 : base >= 255 ? 1 : base / 255;
        else out[p] = base <= 0 ? 0 : base >= 255 ? 255 : (base + 0.5) | 0;
      }
    }
  }
}

/** The base brightness of every pixel, display 0–1 (the exact path). */
export function regionBasePlane(regions: ToneRegions, image: Image8): Float32Array {
  const out = new Float32Array(image.width * image.height);
  writeBase(regions, image, out, "float");
  return out;
}

/** The base of every pixel rounded to 0–255: the row of the per-level tables (the LUT path). */
export function regionLevels(regions: ToneRegions, image: Image8): Uint8Array {
  const out = new Uint8Array(image.width * image.height);
  writeBase(regions, image, out, "level");
  return out;
}

/**
 * The Highlights/Shadows lift added to every channel of a pixel whose base brightness (input
 * display luminance, 0–1) is `base`: the tone bump of tone.ts evaluated at the base after exposure
 * and levels (white balance keeps luminance, so it is left out).
 */
export function makeRegionDelta({ exposure = 0, tone }: { exposure?: number; tone: ToneOptions }): (base: number) => number {
  const expose = makeExposureFunction(exposure);
  const pre = makeTonePre(tone);
  const bump = makeToneBump(tone);
  return (base: number) => bump(Math.min(1, Math.max(0, pre(expose(srgbDecode(base))))));
}

function srgbDecode(v: number): number {
  const code = v * 255;
  const i = Math.min(254, Math.floor(code));
  const t = code - i;
  return SRGB_DECODE_LUT[i] + (SRGB_DECODE_LUT[i + 1] - SRGB_DECODE_LUT[i]) * t;
}

/** Whether the global Highlights/Shadows are active (then the tone regions are needed). */
export function needsToneRegions(tone: ToneOptions | null | undefined): boolean {
  return Boolean(tone && (tone.highlights || tone.shadows));
}

/** The per-pixel Highlights/Shadows lift for the float path (`toneDelta`), or null when not needed. */
export function regionToneDelta(image: Image8, settings: GlobalSettings): Float32Array | null {
  if (!settings.toneRegions || !needsToneRegions(settings.tone)) return null;
  const base = regionBasePlane(computeToneRegions(image), image);
  const delta = makeRegionDelta({ exposure: settings.exposure, tone: settings.tone ?? {} });
  for (let p = 0; p < base.length; p++) base[p] = delta(base[p]);
  return base;
}

/** The tone regions of `image` for the LUT path, or null when the settings need none. */
export function toneRegionsFor(image: Image8, settings: GlobalSettings): ToneRegions | null {
  if (!settings.toneRegions || !needsToneRegions(settings.tone)) return null;
  return computeToneRegions(image);
}
