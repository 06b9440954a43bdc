import { describe, expect, it } from "vitest";

import { computeImageMetrics, decodeImage, meanDeltaE76, pixelErrors, resizeToMatch, ssim } from "./index";
import { rawImage, samplePhoto } from "@/test/images";

// A deterministic textured image with values in 20–200, so a +10 shift never clips.
const textured = rawImage(64, 48, (x, y) => [20 + ((x * 37 + y * 11) % 181), 20 + ((x * 5 + y * 53) % 181), 20 + ((x * y) % 181)]);
const shifted = (by: number) => ({ ...textured, data: textured.data.map((v) => v + by) });
const solid = (w: number, h: number, rgb: [number, number, number]) => rawImage(w, h, () => rgb);

describe("image metrics", () => {
  it("are perfect for identical images", () => {
    expect(computeImageMetrics({ edited: textured, reference: textured })).toEqual({ l1: 0, l2: 0, psnr: Infinity, ssim: 1, deltaE: 0 });
  });

  it("give the hand-computed L1, L2 and PSNR for a uniform +10 shift", () => {
    const { l1, l2, psnr } = pixelErrors({ edited: shifted(10), reference: textured });
    expect(l1).toBeCloseTo(10 / 255, 12);
    expect(l2).toBeCloseTo(100 / 255 ** 2, 12);
    expect(psnr).toBeCloseTo(10 * Math.log10(255 ** 2 / 100), 9); // 28.13 dB
  });

  it("ignore alpha and read grey as R = G = B", () => {
    const rgba = { ...textured, channels: 4 as const, data: new Uint8Array(64 * 48 * 4) };
    for (let p = 0; p < 64 * 48; p++) rgba.data.set([...textured.data.subarray(p * 3, p * 3 + 3), p % 256], p * 4);
    expect(pixelErrors({ edited: rgba, reference: textured }).l1).toBe(0);

    const grey = { data: new Uint8Array(4).fill(77), width: 2, height: 2, channels: 1 as const };
    expect(pixelErrors({ edited: grey, reference: solid(2, 2, [77, 77, 77]) }).l1).toBe(0);
  });

  it("ΔE76 matches published L*a*b* values", () => {
    // sRGB white → L* 100, black → L* 0; sRGB red → (53.24, 80.09, 67.20) (Lindbloom, D65).
    expect(meanDeltaE76({ edited: solid(3, 3, [255, 255, 255]), reference: solid(3, 3, [0, 0, 0]) })).toBeCloseTo(100, 2);
    expect(meanDeltaE76({ edited: solid(3, 3, [255, 0, 0]), reference: solid(3, 3, [0, 0, 0]) })).toBeCloseTo(
      Math.hypot(53.2408, 80.0925, 67.2032),
      1,
    );
  });

  it("SSIM of two flat images equals the luminance term computed by hand", () => {
    // σ = 0 for both, so SSIM = (2ab + C1) / (a² + b² + C1) with C1 = (0.01·255)².
    const c1 = (0.01 * 255) ** 2;
    const expected = (2 * 100 * 150 + c1) / (100 ** 2 + 150 ** 2 + c1);
    expect(ssim({ edited: solid(20, 20, [100, 100, 100]), reference: solid(20, 20, [150, 150, 150]) })).toBeCloseTo(expected, 10);
  });

  it("SSIM falls as noise grows and is symmetric", () => {
    let seed = 1;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
    const noisy = (amp: number) => ({
      ...textured,
      data: textured.data.map((v) => Math.max(0, Math.min(255, Math.round(v + amp * noise())))),
    });
    const light = noisy(8);
    const heavy = noisy(40);
    const sLight = ssim({ edited: light, reference: textured });
    const sHeavy = ssim({ edited: heavy, reference: textured });
    expect(sLight).toBeLessThan(1);
    expect(sHeavy).toBeLessThan(sLight);
    expect(ssim({ edited: textured, reference: light })).toBeCloseTo(sLight, 12);
  });

  it("refuse images of different sizes until resized to match", async () => {
    const big = solid(8, 6, [10, 120, 240]);
    const small = solid(4, 3, [10, 120, 240]);
    expect(() => computeImageMetrics({ edited: big, reference: small })).toThrow(/differ in size: 8×6 vs 4×3/);

    const resized = await resizeToMatch({ image: big, width: 4, height: 3 });
    expect([resized.width, resized.height]).toEqual([4, 3]);
    expect(pixelErrors({ edited: resized, reference: small }).l1).toBe(0);
  });

  it("rank a real photo's mild degradation above a strong one", async () => {
    const photo = await decodeImage(samplePhoto("chelsea-cat.jpg"));
    const darker = (k: number) => ({ ...photo, data: photo.data.map((v) => Math.round(v * k)) });
    const mild = computeImageMetrics({ edited: darker(0.95), reference: photo });
    const strong = computeImageMetrics({ edited: darker(0.6), reference: photo });
    expect(mild.l1).toBeLessThan(strong.l1);
    expect(mild.psnr).toBeGreaterThan(strong.psnr);
    expect(mild.ssim).toBeGreaterThan(strong.ssim);
    expect(mild.deltaE).toBeLessThan(strong.deltaE);
  });
});
