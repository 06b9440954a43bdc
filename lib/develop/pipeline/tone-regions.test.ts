import { describe, expect, it } from "vitest";
import { renderImage } from "../render";
import type { Image8 } from "./decode";
import { computeToneRegions, haloWidth, regionBasePlane, regionFactor } from "./tone-regions";

function stepImage(width: number, height: number, dark: number, bright: number): Image8 {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.fill(x < width / 2 ? dark : bright, (y * width + x) * 3, (y * width + x) * 3 + 3);
  return { data, width, height, channels: 3 };
}

/** Farthest distance from the edge (x = width/2) of a pixel that differs from its side's far field by > 1 code. */
function haloExtent(image: Image8): number {
  const { width, height, data } = image;
  const row = Math.floor(height / 2) * width;
  const farLeft = data[row * 3];
  const farRight = data[(row + width - 1) * 3];
  let extent = 0;
  for (let x = 0; x < width; x++) {
    const v = data[(row + x) * 3];
    const far = x < width / 2 ? farLeft : farRight;
    if (Math.abs(v - far) > 1) extent = Math.max(extent, Math.abs(x + 0.5 - width / 2));
  }
  return extent;
}

describe("edge-aware tone regions (Highlights/Shadows)", () => {
  for (const [width, height] of [
    [400, 100],
    [2400, 60],
  ] as const) {
    it(`leaves a step edge without a halo beyond the stated width (${width}×${height}, factor ${regionFactor(width, height)})`, () => {
      const image = stepImage(width, height, 40, 200);
      for (const params of [{ Shadows2012: 100 }, { Highlights2012: -100 }, { Shadows2012: 80, Highlights2012: -60, Exposure2012: 0.5 }]) {
        const { image: out } = renderImage({ image, params });
        const extent = haloExtent(out);
        expect(extent, JSON.stringify(params)).toBeLessThanOrEqual(haloWidth(width, height));
        // …and the edit does act on the regions.
        const row = Math.floor(height / 2) * width;
        const moved = Math.abs(out.data[row * 3] - 40) + Math.abs(out.data[(row + width - 1) * 3] - 200);
        expect(moved, JSON.stringify(params)).toBeGreaterThan(8);
      }
    });
  }

  it("follows the image inside flat regions and keeps a base inside [0, 1]", () => {
    const image = stepImage(300, 80, 10, 250);
    const base = regionBasePlane(computeToneRegions(image), image);
    expect(base[40 * 300 + 5]).toBeCloseTo(10 / 255, 2);
    expect(base[40 * 300 + 295]).toBeCloseTo(250 / 255, 2);
    for (const v of base) expect(v >= 0 && v <= 1).toBe(true);
  });

  it("keeps local detail in a lifted shadow region (the lift is taken at the smooth base)", () => {
    // Fine stripes 30/50 in a dark region: a per-value curve lifts 30 more than 50 (p(1−p)² peaks
    // low), squeezing the stripes; the regional lift adds the same amount to both.
    const width = 200;
    const data = new Uint8Array(width * 40 * 3);
    for (let p = 0; p < width * 40; p++) data.fill(p % 2 ? 50 : 30, p * 3, p * 3 + 3);
    const { image } = renderImage({ image: { data, width, height: 40, channels: 3 }, params: { Shadows2012: 100 } });
    const mid = (20 * width + 100) * 3;
    const contrastAfter = Math.abs(image.data[mid] - image.data[mid + 3]);
    expect(image.data[mid]).toBeGreaterThan(30);
    expect(contrastAfter).toBeGreaterThanOrEqual(18);
  });
});
