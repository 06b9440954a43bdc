/** One-channel float plane, row-major. */
export type Plane = { data: Float32Array; width: number; height: number };

/**
 * Box blur of radius `radius` (window 2r+1) on a one-channel plane, separable, with a running sum so
 * the cost is O(1) per pixel whatever the radius. Edges are clamped (the border pixel repeats).
 * `out` may be the input buffer. `scratch` (same size) avoids an allocation.
 */
export function boxBlur({
  plane,
  radius,
  out,
  scratch,
}: {
  plane: Plane;
  radius: number;
  out?: Float32Array;
  scratch?: Float32Array;
}): Plane {
  const { width: w, height: h, data } = plane;
  if (!Number.isInteger(radius) || radius < 0) throw new RangeError(`radius must be a non-negative integer, got ${radius}`);
  if (data.length !== w * h) throw new RangeError(`plane has ${data.length} values, expected ${w * h}`);
  const dst = out ?? new Float32Array(w * h);
  if (radius === 0) {
    if (dst !== data) dst.set(data);
    return { data: dst, width: w, height: h };
  }
  const tmp = scratch ?? new Float32Array(w * h);
  const norm = 1 / (2 * radius + 1);
  // Horizontal pass: data → tmp. Columns [inner, outer) read no clamped index: that stretch runs
  // without the edge tests (same additions in the same order).
  const inner = Math.min(w, radius + 1);
  const outer = Math.max(inner, w - radius - 1);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let sum = data[row] * (radius + 1);
    for (let k = 1; k <= radius; k++) sum += data[row + (k < w ? k : w - 1)];
    let x = 0;
    for (; x < inner; x++) {
      tmp[row + x] = sum * norm;
      const add = x + radius + 1;
      const sub = x - radius;
      sum += data[row + (add < w ? add : w - 1)] - data[row + (sub > 0 ? sub : 0)];
    }
    for (let i = row + x; x < outer; x++, i++) {
      tmp[i] = sum * norm;
      sum += data[i + radius + 1] - data[i - radius];
    }
    for (; x < w; x++) {
      tmp[row + x] = sum * norm;
      const add = x + radius + 1;
      const sub = x - radius;
      sum += data[row + (add < w ? add : w - 1)] - data[row + (sub > 0 ? sub : 0)];
    }
  }
  // Vertical pass: tmp → dst, one running sum per column, walking rows for cache locality.
  const sums = new Float64Array(w);
  for (let x = 0; x < w; x++) sums[x] = tmp[x] * (radius + 1);
  for (let k = 1; k <= radius; k++) {
    const row = (k < h ? k : h - 1) * w;
    for (let x = 0; x < w; x++) sums[x] += tmp[row + x];
  }
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const addRow = (y + radius + 1 < h ? y + radius + 1 : h - 1) * w;
    const subRow = (y - radius > 0 ? y - radius : 0) * w;
    for (let x = 0; x < w; x++) {
      dst[row + x] = sums[x] * norm;
      sums[x] += tmp[addRow + x] - tmp[subRow + x];
    }
  }
  return { data: dst, width: w, height: h };
}
