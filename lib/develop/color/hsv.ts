// HSV hue on the usual hexagon (red 0°, yellow 60°, green 120°, cyan 180°, blue 240°, magenta 300°).
// The HSL panel and the B&W mixer use it because Lightroom's band names follow the same wheel.

/** Hue in degrees [0, 360) of an RGB triple; 0 for neutrals. */
export function hueOf(r: number, g: number, b: number): number {
  const max = r > g ? (r > b ? r : b) : g > b ? g : b;
  const min = r < g ? (r < b ? r : b) : g < b ? g : b;
  const c = max - min;
  if (c <= 0) return 0;
  let h: number;
  if (max === r) h = (g - b) / c;
  else if (max === g) h = (b - r) / c + 2;
  else h = (r - g) / c + 4;
  h *= 60;
  return h < 0 ? h + 360 : h;
}

/**
 * Fully saturated colour of hue `h` (degrees) at value 1, written into `out` as [r, g, b].
 * Used to build the tint direction of a colour wheel.
 */
export function hueToRgb(h: number, out: Float64Array | number[]): void {
  const hh = (((h % 360) + 360) % 360) / 60;
  const x = 1 - Math.abs((hh % 2) - 1);
  const sector = Math.floor(hh);
  const table = [
    [1, x, 0],
    [x, 1, 0],
    [0, 1, x],
    [0, x, 1],
    [x, 0, 1],
    [1, 0, x],
  ][sector % 6];
  out[0] = table[0];
  out[1] = table[1];
  out[2] = table[2];
}
