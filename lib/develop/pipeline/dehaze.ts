import { boxBlur, type Plane } from "./box-blur";
import { downsamplePlane, makeUpsampler } from "./resample";
import { assertRange, type FloatImage } from "./types";

/** Dehaze. */
export type DehazeOptions = {
  /** Dehaze, −100 (add haze) … +100 (remove haze). @default 0 */
  amount?: number;
  /** Extra per-pixel amount in slider units (local corrections). */
  amountMap?: Float32Array | null;
};

/** Long edge of the working grid for the haze estimate. */
const GRID = 512;
/** Dark-channel patch radius on the working grid. */
const PATCH = 7;

/** Separable min filter of radius r (brute force; the grid is small). */
function minFilter(plane: Plane, r: number): Plane {
  const { width: w, height: h, data } = plane;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = Infinity;
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) m = Math.min(m, data[y * w + k]);
      tmp[y * w + x] = m;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = Infinity;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) m = Math.min(m, tmp[k * w + x]);
      out[y * w + x] = m;
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * Dehaze in place on a linear image, after He, Sun & Tang, "Single Image Haze Removal Using Dark
 * Channel Prior" (CVPR 2009), as darktable's hazeremoval.c also does:
 * 1. on a grid of ≤ 512 px: dark channel D = min-filter(min(r, g, b)); airlight A = mean colour
 *    of the 0.1 % brightest-D pixels;
 * 2. haze density d = box-blur(min-filter(min_c(I_c / A_c))) (a blur stands in for the guided filter);
 * 3. per pixel, with a = amount/100 (plus the local map): a > 0: t = max(0.1, 1 − 0.95·a·d),
 *    J = (I − A)/t + A; a < 0: t = 1 + 0.6·a, J = I·t + A·(1 − t) (adds a uniform veil).
 * Output is clipped at 0; the output stage clips at 1.
 */
export function applyDehaze({ image, amount = 0, amountMap }: { image: FloatImage } & DehazeOptions): FloatImage {
  assertRange("dehaze", amount, -100, 100);
  const { width: w, height: h, data } = image;
  const n = w * h;
  const minc = new Float32Array(n);
  for (let p = 0, i = 0; p < n; p++, i += 3) minc[p] = Math.min(data[i], data[i + 1], data[i + 2]);
  const factor = Math.max(1, Math.ceil(Math.max(w, h) / GRID));
  const small = downsamplePlane({ plane: { data: minc, width: w, height: h }, factor });
  const dark = minFilter(small, PATCH);
  const airlight = estimateAirlight({ image, dark, factor });
  for (let p = 0, i = 0; p < n; p++, i += 3)
    minc[p] = Math.min(data[i] / airlight[0], data[i + 1] / airlight[1], data[i + 2] / airlight[2]);
  const normSmall = downsamplePlane({ plane: { data: minc, width: w, height: h }, factor });
  const density = boxBlur({ plane: minFilter(normSmall, PATCH), radius: 2 * PATCH });
  const at = makeUpsampler({ small: density, factor, width: w });
  for (let y = 0; y < h; y++) {
    const row = at(y);
    for (let x = 0, p = y * w; x < w; x++, p++) {
      const a = (amount + (amountMap ? amountMap[p] : 0)) / 100;
      if (a === 0) continue;
      const i = p * 3;
      const t = a > 0 ? Math.max(0.1, 1 - 0.95 * Math.min(1, a) * Math.min(1, row(x))) : 1 + 0.6 * Math.max(-1, a);
      for (let c = 0; c < 3; c++) {
        const A = airlight[c];
        const v = a > 0 ? (data[i + c] - A) / t + A : data[i + c] * t + A * (1 - t);
        data[i + c] = v < 0 ? 0 : v;
      }
    }
  }
  return image;
}

/** Mean colour of the full-resolution pixels under the 0.1 % highest dark-channel cells. */
function estimateAirlight({ image, dark, factor }: { image: FloatImage; dark: Plane; factor: number }): [number, number, number] {
  const sorted = Float32Array.from(dark.data).sort();
  const threshold = sorted[Math.max(0, Math.floor(sorted.length * 0.999) - 1)];
  const sum = [0, 0, 0];
  let count = 0;
  for (let sy = 0; sy < dark.height; sy++) {
    for (let sx = 0; sx < dark.width; sx++) {
      if (dark.data[sy * dark.width + sx] < threshold) continue;
      const x = Math.min(image.width - 1, sx * factor);
      const y = Math.min(image.height - 1, sy * factor);
      const i = (y * image.width + x) * 3;
      for (let c = 0; c < 3; c++) sum[c] += image.data[i + c];
      count++;
    }
  }
  return sum.map((s) => Math.max(0.05, Math.min(1, s / Math.max(1, count)))) as [number, number, number];
}
