import { describe, expect, it } from "vitest";
import { HUE_BAND_CENTERS, hueBandWeights } from "./hue-bands";

describe("hueBandWeights", () => {
  it("sums to 1 around the whole wheel", () => {
    const w = new Float64Array(8);
    for (let h = 0; h < 360; h += 7) {
      hueBandWeights(h, w);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
  });

  it("gives each band the largest weight at its own centre", () => {
    const w = new Float64Array(8);
    HUE_BAND_CENTERS.forEach((c, k) => {
      hueBandWeights(c, w);
      expect(Math.max(...w)).toBe(w[k]);
    });
  });
});
