import { describe, expect, it } from "vitest";
import { applyGrayscale } from "./grayscale";

describe("applyGrayscale", () => {
  it("writes equal channels", () => {
    const out = applyGrayscale({ image: { data: Float32Array.from([0.8, 0.3, 0.1]), width: 1, height: 1 } });
    expect(out.data[0]).toBe(out.data[1]);
    expect(out.data[1]).toBe(out.data[2]);
  });

  it("a blue mixer of −100 renders blue darker than the neutral mix", () => {
    const img = { data: Float32Array.from([0.1, 0.2, 0.9]), width: 1, height: 1 };
    const plain = applyGrayscale({ image: img }).data[0];
    const mixed = applyGrayscale({ image: img, mixer: [0, 0, 0, 0, 0, -100, 0, 0] }).data[0];
    expect(mixed).toBeLessThan(plain - 0.05);
  });
});

describe("grayscale near black", () => {
  it("keeps a dark pixel dark when earlier stages pushed a channel below 0", () => {
    const out = applyGrayscale({
      image: { data: Float32Array.from([0.004, 0.004, -0.5]), width: 1, height: 1 },
      mixer: [100, 100, 100, 100, 100, 100, 100, 100],
    });
    expect(out.data[0]).toBeLessThan(0.05);
  });
});
