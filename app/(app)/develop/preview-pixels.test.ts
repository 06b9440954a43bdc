import { describe, expect, it } from "vitest";
import { downscale, draftFactor, frameChecksum, type Pixels } from "./preview-pixels";

const rgba = (width: number, height: number, values: number[]): Pixels => ({
  width,
  height,
  data: Uint8ClampedArray.from(values.flatMap((v) => [v, v, v, 255])),
});

describe("draftFactor", () => {
  it("keeps drafts at or below 0.35 MP and skips them for small photos", () => {
    expect(draftFactor(1600, 1264)).toBe(3); // 534×422 = 0.23 MP
    expect(draftFactor(640, 427)).toBe(1);
    for (const [w, h] of [
      [1600, 1264],
      [1600, 900],
      [4000, 3000],
    ]) {
      const f = draftFactor(w, h);
      expect(Math.ceil(w / f) * Math.ceil(h / f)).toBeLessThanOrEqual(350_000 * 1.05);
    }
  });
});

describe("downscale", () => {
  it("averages each block, partial edge blocks over the pixels they hold", () => {
    // 3×2 grey image, factor 2 → 2×1: [avg(0,10,20,30), avg(40,50)]
    const out = downscale(rgba(3, 2, [0, 10, 40, 20, 30, 50]), 2);
    expect([out.width, out.height]).toEqual([2, 1]);
    expect(Array.from(out.data)).toEqual([15, 15, 15, 255, 45, 45, 45, 255]);
  });

  it("returns the source itself at factor 1", () => {
    const src = rgba(2, 1, [1, 2]);
    expect(downscale(src, 1)).toBe(src);
  });
});

describe("frameChecksum", () => {
  it("tells frames apart that differ in a sampled byte and is stable otherwise", () => {
    const a = new Uint8ClampedArray(1600 * 4).fill(100);
    const b = a.slice();
    b[0] = 101;
    expect(frameChecksum(a)).toBe(frameChecksum(a.slice()));
    expect(frameChecksum(b)).not.toBe(frameChecksum(a));
  });
});
