import { describe, expect, it } from "vitest";
import { applyExposure } from "./exposure";

const grid = () => ({ data: Float32Array.from([0.1, 0.2, 0.3, 0.01, 0.02, 0.03, 0.25, 0.125, 0.5, 0, 0.4, 0.05]), width: 2, height: 2 });

describe("applyExposure", () => {
  it("doubles linear values at +1 EV and halves them at −1 EV", () => {
    const img = grid();
    const up = applyExposure({ image: img, ev: 1 });
    const down = applyExposure({ image: img, ev: -1 });
    for (let i = 0; i < 12; i++) {
      expect(up.data[i]).toBeCloseTo(img.data[i] * 2, 6);
      expect(down.data[i]).toBeCloseTo(img.data[i] / 2, 6);
    }
  });

  it("writes into `out` and leaves the input alone", () => {
    const img = grid();
    const out = new Float32Array(12);
    applyExposure({ image: img, ev: 2, out });
    expect(out[2]).toBeCloseTo(1.2, 5);
    expect(img.data[2]).toBeCloseTo(0.3, 6);
  });

  it("rejects non-finite or absurd EV with a RangeError", () => {
    expect(() => applyExposure({ image: grid(), ev: Number.NaN })).toThrow(RangeError);
    expect(() => applyExposure({ image: grid(), ev: 40 })).toThrow(RangeError);
  });
});
