import { boxBlur, type Plane } from "./box-blur";

/**
 * Approximate Gaussian blur of standard deviation `sigma` (pixels) by three successive box blurs
 * (central limit theorem; box widths from Kovesi, "Fast almost-Gaussian filtering", 2010, using
 * one width for all passes). O(1) per pixel; `sigma` < 0.5 returns a copy.
 */
export function gaussianBlur({ plane, sigma, out }: { plane: Plane; sigma: number; out?: Float32Array }): Plane {
  if (!Number.isFinite(sigma) || sigma < 0) throw new RangeError(`sigma must be ≥ 0, got ${sigma}`);
  const dst = out ?? new Float32Array(plane.data.length);
  const radius = Math.max(0, Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
  if (radius === 0) {
    if (dst !== plane.data) dst.set(plane.data);
    return { data: dst, width: plane.width, height: plane.height };
  }
  const scratch = new Float32Array(plane.data.length);
  boxBlur({ plane, radius, out: dst, scratch });
  const mid = { data: dst, width: plane.width, height: plane.height };
  boxBlur({ plane: mid, radius, out: dst, scratch });
  boxBlur({ plane: mid, radius, out: dst, scratch });
  return mid;
}
