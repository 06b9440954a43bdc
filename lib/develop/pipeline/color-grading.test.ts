import { describe, expect, it } from "vitest";
import { applyColorGrading } from "./color-grading";

const img = () => ({ data: Float32Array.from([0.1, 0.1, 0.1, 0.9, 0.9, 0.9]), width: 2, height: 1 });

describe("applyColorGrading", () => {
  it("a blue shadow wheel tints dark pixels blue and leaves bright ones nearly neutral", () => {
    const out = applyColorGrading({ image: img(), shadows: { hue: 240, saturation: 100 } });
    expect(out.data[2] - out.data[0]).toBeGreaterThan(0.05);
    expect(Math.abs(out.data[5] - out.data[3])).toBeLessThan(0.01);
  });

  it("an orange highlight wheel warms bright pixels", () => {
    const out = applyColorGrading({ image: img(), highlights: { hue: 30, saturation: 80 } });
    expect(out.data[3]).toBeGreaterThan(out.data[5]);
  });

  it("rejects a hue outside 0–360", () => {
    expect(() => applyColorGrading({ image: img(), global: { hue: 400, saturation: 10 } })).toThrow(RangeError);
  });
});
