/**
 * A float RGB image, three interleaved channels (`r, g, b, r, g, b, …`), row-major.
 * Which domain the values are in (linear light or display-encoded) is stated by each stage.
 */
export type FloatImage = { data: Float32Array; width: number; height: number };

/** Throws a RangeError unless `value` is a finite number within [min, max]. */
export function assertRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a number in [${min}, ${max}], got ${value}`);
  }
}

/** The output buffer to write: `out` when given (checked for size), else a new one. */
export function outputFor(image: FloatImage, out?: Float32Array): Float32Array {
  const n = image.width * image.height * 3;
  if (image.data.length !== n) throw new RangeError(`image data has ${image.data.length} values, expected ${n}`);
  if (!out) return new Float32Array(n);
  if (out.length !== n) throw new RangeError(`out has ${out.length} values, expected ${n}`);
  return out;
}

/** Cubic smoothstep of `x` between edges `a < b`. */
export function smoothstep(a: number, b: number, x: number): number {
  const t = x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a);
  return t * t * (3 - 2 * t);
}
