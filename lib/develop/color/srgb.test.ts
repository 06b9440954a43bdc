import { describe, expect, it } from "vitest";
import { ENCODE_LUT_SIZE, encodeLinearToByte, linearToSrgb, SRGB_DECODE_LUT, SRGB_ENCODE_LUT, srgbToLinear } from "./srgb";

describe("sRGB transfer", () => {
  it("decodes and re-encodes every 8-bit code to itself", () => {
    for (let v = 0; v < 256; v++) {
      expect(Math.round(linearToSrgb(SRGB_DECODE_LUT[v]) * 255)).toBe(v);
      expect(encodeLinearToByte(SRGB_DECODE_LUT[v])).toBe(v);
    }
  });

  it("maps mid-grey 18 % linear to about code 118 and is monotonic", () => {
    expect(Math.round(linearToSrgb(0.18) * 255)).toBe(118);
    for (let i = 1; i < 1000; i++) expect(linearToSrgb(i / 1000)).toBeGreaterThan(linearToSrgb((i - 1) / 1000));
  });

  it("clips out-of-range values in the byte encoder and extends above 1 in the formula", () => {
    expect(encodeLinearToByte(-0.5)).toBe(0);
    expect(encodeLinearToByte(3)).toBe(255);
    expect(linearToSrgb(2)).toBeGreaterThan(1);
    expect(srgbToLinear(-1)).toBe(0);
  });
});

describe("SRGB_ENCODE_LUT", () => {
  it("holds, at every one of its 65 536 entries, the code the sRGB formula gives", () => {
    const expected = Uint8Array.from({ length: ENCODE_LUT_SIZE }, (_, i) =>
      Math.round(Math.min(1, linearToSrgb(i / (ENCODE_LUT_SIZE - 1))) * 255),
    );
    expect(Buffer.from(SRGB_ENCODE_LUT).equals(Buffer.from(expected))).toBe(true);
    expect(SRGB_ENCODE_LUT[0]).toBe(0);
    expect(SRGB_ENCODE_LUT[ENCODE_LUT_SIZE - 1]).toBe(255);
  });
});
