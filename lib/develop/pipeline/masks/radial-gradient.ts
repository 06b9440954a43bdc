import { smoothstep } from "../types";

/** Radial gradient (`Mask/CircularGradient`); the ellipse's box is given in image fractions. */
export type RadialGradientOptions = {
  width: number;
  height: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** Rotation in degrees. @default 0 */
  angle?: number;
  /** Width of the soft edge as a fraction of the radius, 0–1. @default 0.5 */
  feather?: number;
  /** Effect outside the ellipse instead of inside. @default false */
  flipped?: boolean;
  out?: Float32Array;
};

/**
 * Weight map of an elliptical gradient: d = normalised elliptical distance from the centre (1 on
 * the ellipse), weight = 1 − smoothstep(1 − feather, 1, d), inverted when `flipped`. Lightroom's
 * Midpoint and Roundness fields are not modelled (documented approximation).
 */
export function radialGradientMask({ width, height, top, left, bottom, right, angle = 0, feather = 0.5, flipped = false, out }: RadialGradientOptions): Float32Array {
  if (!(feather >= 0 && feather <= 1)) throw new RangeError(`feather must be in [0, 1], got ${feather}`);
  const dst = out ?? new Float32Array(width * height);
  const cx = ((left + right) / 2) * width;
  const cy = ((top + bottom) / 2) * height;
  const rx = Math.abs(right - left) * width * 0.5;
  const ry = Math.abs(bottom - top) * height * 0.5;
  if (!(rx > 0 && ry > 0)) throw new RangeError("a radial gradient needs a non-empty box");
  const th = (angle * Math.PI) / 180;
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const inner = 1 - Math.max(1e-3, feather);
  for (let y = 0; y < height; y++) {
    const vy = y + 0.5 - cy;
    for (let x = 0, p = y * width; x < width; x++, p++) {
      const vx = x + 0.5 - cx;
      const u = (vx * cos + vy * sin) / rx;
      const v = (-vx * sin + vy * cos) / ry;
      const wgt = 1 - smoothstep(inner, 1, Math.sqrt(u * u + v * v));
      dst[p] = flipped ? 1 - wgt : wgt;
    }
  }
  return dst;
}
