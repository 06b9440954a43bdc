import type { Image8 } from "./decode";
import { mulberry32 } from "./prng";

/**
 * A deterministic, photo-like 8-bit test image for tests and benches (no files needed): a blue sky
 * gradient, a skin-toned disc, textured foliage, a dark shadow band, a bright highlight, a grey
 * ramp, saturated patches across the hue wheel, and mild sensor-like noise.
 */
export function syntheticImage({
  width = 96,
  height = 64,
  seed = 1,
  channels = 3,
}: { width?: number; height?: number; seed?: number; channels?: 3 | 4 } = {}): Image8 {
  const rand = mulberry32(seed);
  const data = new Uint8Array(width * height * channels);
  const patches: [number, number, number][] = [
    [220, 40, 40],
    [230, 140, 30],
    [230, 210, 40],
    [60, 170, 60],
    [40, 180, 190],
    [40, 70, 200],
    [120, 60, 180],
    [200, 50, 150],
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      let rgb: [number, number, number];
      if (v < 0.35) rgb = [90 + 80 * v, 140 + 90 * v, 220 - 20 * v];
      else if (v < 0.45) rgb = patches[Math.min(7, Math.floor(u * 8))];
      else if (v < 0.55) rgb = [255 * u, 255 * u, 255 * u];
      else if ((u - 0.25) ** 2 + (v - 0.78) ** 2 < 0.02) rgb = [224, 172, 140];
      else if (u > 0.85 && v > 0.6) rgb = [250, 248, 240];
      else if (v > 0.9) rgb = [18, 16, 22];
      else {
        const t = 0.5 + 0.5 * Math.sin(x * 0.9) * Math.cos(y * 0.7);
        rgb = [40 + 50 * t, 90 + 80 * t, 30 + 30 * t];
      }
      const i = (y * width + x) * channels;
      for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, Math.round(rgb[c] + (rand() - 0.5) * 6)));
      if (channels === 4) data[i + 3] = (x * 7 + y * 3) & 255;
    }
  }
  return { data, width, height, channels };
}
