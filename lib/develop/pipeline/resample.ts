import type { Plane } from "./box-blur";

/** Area-average downsampling of a plane by an integer `factor` (partial edge blocks averaged too). */
export function downsamplePlane({ plane, factor }: { plane: Plane; factor: number }): Plane {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`factor must be a positive integer, got ${factor}`);
  const { width: w, height: h, data } = plane;
  const sw = Math.ceil(w / factor);
  const sh = Math.ceil(h / factor);
  const sum = new Float32Array(sw * sh);
  const count = new Float32Array(sw * sh);
  for (let y = 0; y < h; y++) {
    const srow = ((y / factor) | 0) * sw;
    for (let x = 0; x < w; x++) {
      const s = srow + ((x / factor) | 0);
      sum[s] += data[y * w + x];
      count[s] += 1;
    }
  }
  for (let i = 0; i < sum.length; i++) sum[i] /= count[i];
  return { data: sum, width: sw, height: sh };
}

/**
 * Bilinear sampler of a plane that was downsampled by `factor` from a `width`×`height` grid:
 * `rowSampler(y)` returns a function of x giving the upsampled value at full-resolution (x, y).
 * Precomputes the column indices and weights once so each sample costs four loads.
 */
export function makeUpsampler({
  small,
  factor,
  width,
}: {
  small: Plane;
  factor: number;
  width: number;
}): (y: number) => (x: number) => number {
  const { width: sw, height: sh, data } = small;
  const x0 = new Int32Array(width);
  const x1 = new Int32Array(width);
  const fx = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const u = Math.min(sw - 1, Math.max(0, (x + 0.5) / factor - 0.5));
    x0[x] = Math.floor(u);
    x1[x] = Math.min(sw - 1, x0[x] + 1);
    fx[x] = u - x0[x];
  }
  return (y: number) => {
    const v = Math.min(sh - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const r0 = Math.floor(v) * sw;
    const r1 = Math.min(sh - 1, Math.floor(v) + 1) * sw;
    const fy = v - Math.floor(v);
    return (x: number) => {
      const a = data[r0 + x0[x]] + (data[r0 + x1[x]] - data[r0 + x0[x]]) * fx[x];
      const b = data[r1 + x0[x]] + (data[r1 + x1[x]] - data[r1 + x0[x]]) * fx[x];
      return a + (b - a) * fy;
    };
  };
}
