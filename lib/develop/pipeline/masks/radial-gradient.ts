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
  /** Where the soft edge is half way, as a fraction of the feather band, 0–1. @default 0.5 */
  midpoint?: number;
  /** −1 (toward a rounded rectangle) … 0 (the ellipse) … +1 (toward a circle). @default 0 */
  roundness?: number;
  out?: Float32Array;
};

/**
 * Weight map of an elliptical gradient: d = normalised distance from the centre (1 on the shape),
 * t = (d − (1 − feather))/feather across the soft band, weight = 1 − smoothstep(0, 1, t^γ), inverted
 * when `flipped`. Our model of Lightroom's two shape fields (Adobe's is not public):
 * - Midpoint m moves the half-way point of the band: γ = ln 0.5 / ln m (m = 0.5: γ = 1), so the
 *   weight is 0.5 at t = m.
 * - Roundness r: r > 0 pulls the radii toward their geometric mean (a circle at +1); r < 0 turns
 *   the ellipse into a superellipse |u|^q + |v|^q = 1 with q = 2·4^(−r) (q = 8 at −1, a rounded
 *   rectangle filling the box).
 */
export function radialGradientMask({
  width,
  height,
  top,
  left,
  bottom,
  right,
  angle = 0,
  feather = 0.5,
  flipped = false,
  midpoint = 0.5,
  roundness = 0,
  out,
}: RadialGradientOptions): Float32Array {
  if (!(feather >= 0 && feather <= 1)) throw new RangeError(`feather must be in [0, 1], got ${feather}`);
  if (!(midpoint >= 0 && midpoint <= 1)) throw new RangeError(`midpoint must be in [0, 1], got ${midpoint}`);
  if (!(roundness >= -1 && roundness <= 1)) throw new RangeError(`roundness must be in [-1, 1], got ${roundness}`);
  const dst = out ?? new Float32Array(width * height);
  const cx = ((left + right) / 2) * width;
  const cy = ((top + bottom) / 2) * height;
  let rx = Math.abs(right - left) * width * 0.5;
  let ry = Math.abs(bottom - top) * height * 0.5;
  if (!(rx > 0 && ry > 0)) throw new RangeError("a radial gradient needs a non-empty box");
  if (roundness > 0) {
    const g = Math.sqrt(rx * ry);
    rx += (g - rx) * roundness;
    ry += (g - ry) * roundness;
  }
  const q = roundness < 0 ? 2 * Math.pow(4, -roundness) : 2;
  const m = Math.min(0.95, Math.max(0.05, midpoint));
  const gamma = Math.log(0.5) / Math.log(m);
  const th = (angle * Math.PI) / 180;
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const band = Math.max(1e-3, feather);
  const inner = 1 - band;
  const plain = q === 2 && gamma === 1;
  for (let y = 0; y < height; y++) {
    const vy = y + 0.5 - cy;
    for (let x = 0, p = y * width; x < width; x++, p++) {
      const vx = x + 0.5 - cx;
      const u = (vx * cos + vy * sin) / rx;
      const v = (-vx * sin + vy * cos) / ry;
      let wgt: number;
      if (plain) wgt = 1 - smoothstep(inner, 1, Math.sqrt(u * u + v * v));
      else {
        const d = q === 2 ? Math.sqrt(u * u + v * v) : Math.pow(Math.pow(Math.abs(u), q) + Math.pow(Math.abs(v), q), 1 / q);
        const t = d <= inner ? 0 : d >= 1 ? 1 : (d - inner) / band;
        wgt = 1 - smoothstep(0, 1, Math.pow(t, gamma));
      }
      dst[p] = flipped ? 1 - wgt : wgt;
    }
  }
  return dst;
}
