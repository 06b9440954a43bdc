import { describe, expect, it } from "vitest";
import { applyExposure } from "./exposure";

// Values small enough to stay below the highlight shoulder's knee at +1 EV.
const grid = () => ({ data: Float32Array.from([0.1, 0.2, 0.15, 0.01, 0.02, 0.03, 0.2, 0.125, 0.24, 0, 0.05, 0.05]), width: 2, height: 2 });

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
    applyExposure({ image: img, ev: 1, out });
    expect(out[2]).toBeCloseTo(0.3, 5);
    expect(img.data[2]).toBeCloseTo(0.15, 6);
  });

  it("rejects non-finite or absurd EV with a RangeError", () => {
    expect(() => applyExposure({ image: grid(), ev: Number.NaN })).toThrow(RangeError);
    expect(() => applyExposure({ image: grid(), ev: 40 })).toThrow(RangeError);
  });
});

describe("highlight shoulder", () => {
  it("keeps distinct codes on a bright gradient pushed +1.5 EV where a hard clip would flatten it", async () => {
    const { renderImage } = await import("../render");
    const width = 94; // codes 162–255: all above linear 2^-1.5 (code ≈ 161), so a plain gain clips them all to 255
    const data = new Uint8Array(width * 3);
    for (let x = 0; x < width; x++) data.fill(162 + x, x * 3, x * 3 + 3);
    const { image } = renderImage({ image: { data, width, height: 1, channels: 3 }, params: { Exposure2012: 1.5 } });
    const codes = Array.from({ length: width }, (_, x) => image.data[x * 3]);
    expect(new Set(codes).size).toBeGreaterThanOrEqual(25);
    for (let x = 1; x < width; x++) expect(codes[x]).toBeGreaterThanOrEqual(codes[x - 1]);
    expect(codes[width - 1]).toBe(255);
    expect(codes[0]).toBeLessThan(245);
  });

  it("is exact below the knee, continuous, monotonic and maps white to white", async () => {
    const { makeExposureFunction, SHOULDER_KNEE } = await import("./exposure");
    const f = makeExposureFunction(2);
    expect(f(0.1)).toBeCloseTo(0.4, 6);
    expect(f(1)).toBeCloseTo(1, 6);
    const atKnee = SHOULDER_KNEE / 4;
    expect(f(atKnee + 1e-6) - f(atKnee)).toBeCloseTo(4e-6, 8);
    for (let x = 0; x < 1; x += 0.01) expect(f(x + 0.01)).toBeGreaterThan(f(x));
    expect(makeExposureFunction(-1)(0.8)).toBeCloseTo(0.4, 6);
  });
});
