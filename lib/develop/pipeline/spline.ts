/** A 1D interpolant through control points, evaluated at any x. */
export type Interpolant = (x: number) => number;

/**
 * Natural cubic spline through points sorted by x (second derivative zero at both ends), the
 * interpolation JarvisArt's curve reward and darktable's Lightroom importer use for point curves.
 * Outside [x0, xn] the end values are held. Two points give a straight line.
 */
export function naturalCubicSpline(xs: readonly number[], ys: readonly number[]): Interpolant {
  const n = xs.length;
  if (n < 2 || ys.length !== n) throw new RangeError(`a spline needs ≥ 2 points with matching x and y, got ${n}/${ys.length}`);
  for (let i = 1; i < n; i++) if (!(xs[i] > xs[i - 1])) throw new RangeError("spline x values must be strictly increasing");
  // Second derivatives m[i] from the tridiagonal system (Thomas algorithm), m[0] = m[n-1] = 0.
  const m = new Float64Array(n);
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    const h0 = xs[i] - xs[i - 1];
    const h1 = xs[i + 1] - xs[i];
    const a = h0;
    const b = 2 * (h0 + h1);
    const rhs = 6 * ((ys[i + 1] - ys[i]) / h1 - (ys[i] - ys[i - 1]) / h0);
    const denom = b - a * c[i - 1];
    c[i] = h1 / denom;
    d[i] = (rhs - a * d[i - 1]) / denom;
  }
  for (let i = n - 2; i >= 1; i--) m[i] = d[i] - c[i] * m[i + 1];
  return (x: number) => {
    if (x <= xs[0]) return ys[0];
    if (x >= xs[n - 1]) return ys[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] > x) hi = mid;
      else lo = mid;
    }
    const h = xs[hi] - xs[lo];
    const a = (xs[hi] - x) / h;
    const b = (x - xs[lo]) / h;
    return a * ys[lo] + b * ys[hi] + (((a * a * a - a) * m[lo] + (b * b * b - b) * m[hi]) * h * h) / 6;
  };
}

/**
 * Monotone cubic (Fritsch–Carlson) through points sorted by x: never overshoots, so a monotonic
 * set of points gives a monotonic curve. Used for the parametric curve. Ends are held.
 */
export function monotoneCubic(xs: readonly number[], ys: readonly number[]): Interpolant {
  const n = xs.length;
  if (n < 2 || ys.length !== n) throw new RangeError("a monotone cubic needs ≥ 2 points with matching x and y");
  const delta = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) delta[i] = (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
  const t = new Float64Array(n);
  t[0] = delta[0];
  t[n - 1] = delta[n - 2];
  for (let i = 1; i < n - 1; i++) t[i] = delta[i - 1] * delta[i] <= 0 ? 0 : (delta[i - 1] + delta[i]) / 2;
  for (let i = 0; i < n - 1; i++) {
    if (delta[i] === 0) {
      t[i] = 0;
      t[i + 1] = 0;
      continue;
    }
    const a = t[i] / delta[i];
    const b = t[i + 1] / delta[i];
    const s = a * a + b * b;
    if (s > 9) {
      const k = 3 / Math.sqrt(s);
      t[i] = k * a * delta[i];
      t[i + 1] = k * b * delta[i];
    }
  }
  return (x: number) => {
    if (x <= xs[0]) return ys[0];
    if (x >= xs[n - 1]) return ys[n - 1];
    let i = 0;
    while (x > xs[i + 1]) i++;
    const h = xs[i + 1] - xs[i];
    const u = (x - xs[i]) / h;
    const u2 = u * u;
    const u3 = u2 * u;
    return (2 * u3 - 3 * u2 + 1) * ys[i] + (u3 - 2 * u2 + u) * h * t[i] + (-2 * u3 + 3 * u2) * ys[i + 1] + (u3 - u2) * h * t[i + 1];
  };
}
