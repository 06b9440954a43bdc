const INV_SQRT3 = 1 / Math.sqrt(3);

/**
 * The HSL-style colour move shared by the HSL panel and Point Color: the chroma vector
 * d = rgb − mean(rgb) is rotated about the grey axis by `theta` radians (red → yellow → green
 * for theta > 0) and scaled by `scale`, then the colour is multiplied by `gain`. Smooth in RGB
 * (no walk round the HSV hexagon), so it bakes into the 3D LUT accurately. Writes out[o..o+2].
 */
export function rotateChroma(
  r: number,
  g: number,
  b: number,
  theta: number,
  scale: number,
  gain: number,
  out: Float32Array | Float64Array,
  o: number,
): void {
  const m = (r + g + b) / 3;
  const dr = r - m;
  const dg = g - m;
  const db = b - m;
  const cs = Math.cos(theta) * scale;
  const sn = Math.sin(theta) * scale * INV_SQRT3;
  out[o] = (m + dr * cs + (db - dg) * sn) * gain;
  out[o + 1] = (m + dg * cs + (dr - db) * sn) * gain;
  out[o + 2] = (m + db * cs + (dg - dr) * sn) * gain;
}
