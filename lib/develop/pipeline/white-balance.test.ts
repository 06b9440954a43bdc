import { describe, expect, it } from "vitest";
import { LUMA_B, LUMA_G, LUMA_R } from "../color/luma";
import { absoluteToRelativeWhiteBalance, applyWhiteBalance, whiteBalanceGains } from "./white-balance";

describe("white balance", () => {
  it("warms (red up, blue down) for positive temperature and keeps luminance", () => {
    const [r, g, b] = whiteBalanceGains({ temperature: 50 });
    expect(r).toBeGreaterThan(1);
    expect(b).toBeLessThan(1);
    expect(LUMA_R * r + LUMA_G * g + LUMA_B * b).toBeCloseTo(1, 6);
  });

  it("moves a grey pixel toward magenta for positive tint", () => {
    const out = applyWhiteBalance({ image: { data: Float32Array.from([0.2, 0.2, 0.2]), width: 1, height: 1 }, tint: 60 });
    expect(out.data[1]).toBeLessThan(out.data[0]);
    expect(out.data[1]).toBeLessThan(out.data[2]);
  });

  it("reads 5500 K / 0 tint as no change and a higher Kelvin value as warmer", () => {
    expect(absoluteToRelativeWhiteBalance({ kelvin: 5500, tint: 0 })).toEqual({ temperature: 0, tint: 0 });
    expect(absoluteToRelativeWhiteBalance({ kelvin: 7500, tint: 0 }).temperature).toBeGreaterThan(20);
    expect(absoluteToRelativeWhiteBalance({ kelvin: 3000, tint: 0 }).temperature).toBeLessThan(-50);
  });

  it("rejects out-of-range sliders", () => {
    expect(() => whiteBalanceGains({ temperature: 500 })).toThrow(RangeError);
  });
});
