import { describe, expect, it } from "vitest";
import { applyHsl } from "./hsl";

const px = (...rgb: number[]) => ({ data: Float32Array.from(rgb), width: rgb.length / 3, height: 1 });
const band = (k: number, v: number) => Array.from({ length: 8 }, (_, i) => (i === k ? v : 0));
const chroma = (d: Float32Array, i: number) => Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]);

describe("applyHsl", () => {
  it("red saturation −100 greys out a red pixel and leaves a blue one", () => {
    const img = px(0.8, 0.1, 0.1, 0.1, 0.2, 0.8);
    const out = applyHsl({ image: img, saturation: band(0, -100) });
    expect(chroma(out.data, 0)).toBeLessThan(0.15);
    expect(chroma(out.data, 3)).toBeCloseTo(chroma(img.data, 3), 1);
  });

  it("red hue +100 turns red toward orange (green rises)", () => {
    const out = applyHsl({ image: px(0.8, 0.1, 0.1), hue: band(0, 100) });
    expect(out.data[1]).toBeGreaterThan(0.2);
    expect(out.data[0]).toBeGreaterThan(out.data[1]);
  });

  it("blue luminance −100 darkens blue, not grey", () => {
    const out = applyHsl({ image: px(0.1, 0.2, 0.8, 0.5, 0.5, 0.5), luminance: band(5, -100) });
    expect(out.data[2]).toBeLessThan(0.6);
    expect(Array.from(out.data.subarray(3))).toEqual([0.5, 0.5, 0.5]);
  });

  it("needs 8 values per row", () => {
    expect(() => applyHsl({ image: px(0.5, 0.5, 0.5), hue: [1, 2, 3] })).toThrow(RangeError);
  });
});
