import { describe, expect, it } from "vitest";
import { applyVibranceSaturation } from "./vibrance-saturation";

const spread = (d: Float32Array, i: number) => Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]);

describe("applyVibranceSaturation", () => {
  it("saturation −100 gives grey", () => {
    const out = applyVibranceSaturation({ image: { data: Float32Array.from([0.8, 0.3, 0.1]), width: 1, height: 1 }, saturation: -100 });
    expect(spread(out.data, 0)).toBeLessThan(1e-6);
  });

  it("vibrance boosts a muted colour relatively more than a vivid one", () => {
    const img = { data: Float32Array.from([0.55, 0.5, 0.45, 0.9, 0.2, 0.1]), width: 2, height: 1 };
    const out = applyVibranceSaturation({ image: img, vibrance: 80 });
    const muted = spread(out.data, 0) / spread(img.data, 0);
    const vivid = spread(out.data, 3) / spread(img.data, 3);
    expect(muted).toBeGreaterThan(1.5);
    expect(muted).toBeGreaterThan(vivid + 0.3);
  });
});
