import { describe, expect, it } from "vitest";
import { LUMA_B, LUMA_G, LUMA_R } from "../color/luma";
import { applyClarity } from "./clarity";
import { applyDehaze } from "./dehaze";
import { applyGrain } from "./grain";
import { applyLocalCorrections } from "./local-corrections";
import { applySharpen } from "./sharpen";
import { applyTexture } from "./texture";
import type { FloatImage } from "./types";
import { applyVignette } from "./vignette";

/** A linear image from a function of (x, y) giving a grey level. */
function grey(width: number, height: number, f: (x: number, y: number) => number): FloatImage {
  const data = new Float32Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.fill(f(x, y), (y * width + x) * 3, (y * width + x) * 3 + 3);
  return { data, width, height };
}
const lum = (img: FloatImage, x: number, y: number) => {
  const i = (y * img.width + x) * 3;
  return LUMA_R * img.data[i] + LUMA_G * img.data[i + 1] + LUMA_B * img.data[i + 2];
};
const copy = (img: FloatImage): FloatImage => ({ ...img, data: Float32Array.from(img.data) });

describe("spatial stages", () => {
  const step = () => grey(64, 16, (x) => (x < 32 ? 0.1 : 0.4));

  it("sharpening raises the contrast across an edge (overshoot on both sides)", () => {
    const img = applySharpen({ image: step(), amount: 100, radius: 1 });
    expect(lum(img, 31, 8)).toBeLessThan(0.1);
    expect(lum(img, 32, 8)).toBeGreaterThan(0.4);
    expect(lum(img, 5, 8)).toBeCloseTo(0.1, 5);
  });

  it("positive clarity and texture increase local contrast, negative decreases it", () => {
    for (const apply of [applyClarity, applyTexture]) {
      const up = apply({ image: step(), amount: 80 });
      const down = apply({ image: step(), amount: -80 });
      expect(lum(up, 32, 8) - lum(up, 31, 8)).toBeGreaterThan(0.3);
      expect(lum(down, 32, 8) - lum(down, 31, 8)).toBeLessThan(0.3);
    }
  });

  it("dehaze deepens a hazy image's shadows and negative dehaze lifts them", () => {
    const hazy = () => grey(80, 60, (x, y) => 0.35 + (0.3 * ((x + y) % 7)) / 7);
    const clear = applyDehaze({ image: hazy(), amount: 80 });
    const foggy = applyDehaze({ image: hazy(), amount: -80 });
    expect(lum(clear, 0, 0)).toBeLessThan(0.3);
    expect(lum(foggy, 0, 0)).toBeGreaterThan(0.35);
  });

  it("a negative vignette darkens the corners but not the centre", () => {
    const img = applyVignette({ image: grey(60, 40, () => 0.5), amount: -100 });
    expect(lum(img, 0, 0)).toBeLessThan(0.3);
    expect(lum(img, 30, 20)).toBeCloseTo(0.5, 5);
  });

  it("grain is identical for the same seed, different for another, and absent at amount 0", () => {
    const base = grey(40, 30, () => 0.3);
    const a = applyGrain({ image: copy(base), amount: 60, seed: 7 });
    const b = applyGrain({ image: copy(base), amount: 60, seed: 7 });
    const c = applyGrain({ image: copy(base), amount: 60, seed: 8 });
    expect(a.data).toEqual(b.data);
    expect(a.data).not.toEqual(c.data);
    expect(applyGrain({ image: copy(base), amount: 0, seed: 7 }).data).toEqual(base.data);
  });

  it("local exposure +1 EV doubles luminance where the mask is 1 and leaves the rest", () => {
    const img = grey(4, 1, () => 0.2);
    const weight = Float32Array.from([1, 1, 0, 0]);
    applyLocalCorrections({ image: img, corrections: [{ weight, exposure: 1 }] });
    expect(lum(img, 0, 0)).toBeCloseTo(0.4, 2);
    expect(lum(img, 3, 0)).toBeCloseTo(0.2, 6);
  });

  it("rejects out-of-range amounts", () => {
    expect(() => applyClarity({ image: step(), amount: 150 })).toThrow(RangeError);
    expect(() => applyGrain({ image: step(), amount: 10, seed: 1.5 })).toThrow(RangeError);
  });
});
