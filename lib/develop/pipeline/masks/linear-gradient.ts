import { smoothstep } from "../types";

/** Linear gradient (`Mask/Gradient`); coordinates are fractions of the image width/height. */
export type LinearGradientOptions = {
  width: number;
  height: number;
  /** Point where the effect is 0. */ zeroX: number;
  zeroY: number;
  /** Point where the effect is full. */ fullX: number;
  fullY: number;
  out?: Float32Array;
};

/**
 * Weight map of a linear gradient: t = projection of the pixel onto the zero→full segment (0 at
 * the zero line, 1 at the full line, in pixels so non-square images keep the drawn angle), weight =
 * smoothstep(0, 1, t). The projection is affine, so it is built from one row term and one column
 * term per pixel.
 */
export function linearGradientMask({ width, height, zeroX, zeroY, fullX, fullY, out }: LinearGradientOptions): Float32Array {
  const dst = out ?? new Float32Array(width * height);
  const zx = zeroX * width;
  const zy = zeroY * height;
  const dx = (fullX - zeroX) * width;
  const dy = (fullY - zeroY) * height;
  const len2 = dx * dx + dy * dy;
  if (!(len2 > 0)) throw new RangeError("a linear gradient needs distinct zero and full points");
  const ax = dx / len2;
  const ay = dy / len2;
  for (let y = 0; y < height; y++) {
    const rowTerm = (y + 0.5 - zy) * ay;
    for (let x = 0, p = y * width; x < width; x++, p++) dst[p] = smoothstep(0, 1, (x + 0.5 - zx) * ax + rowTerm);
  }
  return dst;
}
