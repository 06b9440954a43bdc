import { describe, expect, it } from "vitest";
import { applyDenoise } from "./denoise";
import { mulberry32 } from "./prng";

/** A 64×32 linear image: left half 0.05, right half 0.6 (grey), plus seeded noise. */
function noisyStep(lumaNoise: number, chromaNoise: number) {
  const width = 64;
  const height = 32;
  const rand = mulberry32(7);
  const data = new Float32Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    const base = p % width < width / 2 ? 0.05 : 0.6;
    const l = base * (1 + lumaNoise * (rand() - 0.5));
    for (let c = 0; c < 3; c++) data[p * 3 + c] = l * (1 + chromaNoise * (rand() - 0.5));
  }
  return { data, width, height };
}

function stats(d: Float32Array, width: number, x0: number, x1: number, channel = 1) {
  const vals: number[] = [];
  for (let y = 4; y < 28; y++) for (let x = x0; x < x1; x++) vals.push(d[(y * width + x) * 3 + channel]);
  const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
  return { mean, sd: Math.sqrt(vals.reduce((a, b) => a + (b - mean) ** 2, 0) / vals.length) };
}

describe("noise reduction", () => {
  it("LuminanceSmoothing smooths flat areas and keeps a step edge", () => {
    const img = noisyStep(0.1, 0);
    const before = stats(img.data, 64, 40, 60);
    applyDenoise({ image: img, luminance: 80, color: 0 });
    const after = stats(img.data, 64, 40, 60);
    expect(after.sd).toBeLessThan(before.sd * 0.6);
    expect(after.mean).toBeCloseTo(before.mean, 2);
    // The edge stays a step: the columns beside it keep their sides' levels.
    expect(stats(img.data, 64, 30, 31).mean).toBeLessThan(0.1);
    expect(stats(img.data, 64, 33, 34).mean).toBeGreaterThan(0.5);
  });

  it("ColorNoiseReduction removes colour blotches without touching luminance", () => {
    const img = noisyStep(0, 0.2);
    const chroma = (d: Float32Array) =>
      stats(
        d.map((v, i) => (i % 3 === 0 ? v - d[i + 1] : 0)),
        64,
        40,
        60,
        0,
      ).sd;
    const before = chroma(img.data);
    const y0 = 0.2126 * img.data[1000 * 3] + 0.7152 * img.data[1000 * 3 + 1] + 0.0722 * img.data[1000 * 3 + 2];
    applyDenoise({ image: img, luminance: 0, color: 60 });
    expect(chroma(img.data)).toBeLessThan(before * 0.5);
    const y1 = 0.2126 * img.data[1000 * 3] + 0.7152 * img.data[1000 * 3 + 1] + 0.0722 * img.data[1000 * 3 + 2];
    expect(y1).toBeCloseTo(y0, 5);
  });
});
