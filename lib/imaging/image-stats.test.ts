import { describe, expect, it } from "vitest";

import { computeImageStats, computeImageStatsFromBytes, downsampleBox } from "./index";
import { rawImage, samplePhoto } from "@/test/images";

const solid = (rgb: [number, number, number], w = 16, h = 16) => rawImage(w, h, () => rgb);

describe("computeImageStats", () => {
  it("describes a flat mid-grey exactly", () => {
    const s = computeImageStats(solid([128, 128, 128]));
    expect(s.lumaHistogram).toHaveLength(256);
    expect(s.lumaHistogram[128]).toBe(1);
    expect(s.percentiles).toEqual({ p1: 128 / 255, p5: 128 / 255, p50: 128 / 255, p95: 128 / 255, p99: 128 / 255 });
    expect(s.meanLuma).toBeCloseTo(128 / 255, 12);
    expect(s.lumaStdDev).toBeCloseTo(0, 6);
    expect(s.meanChroma).toBeLessThan(0.01);
    expect(Math.abs(s.cast.a) + Math.abs(s.cast.b)).toBeLessThan(0.01);
    expect(s.localContrast).toBe(0);
    expect([s.shadowClip, s.highlightClip]).toEqual([0, 0]);
  });

  it("measures clipping and percentiles of a half-black, half-white image", () => {
    const s = computeImageStats(rawImage(20, 10, (x) => (x < 10 ? [0, 0, 0] : [255, 255, 255])));
    expect(s.shadowClip).toBe(0.5);
    expect(s.highlightClip).toBe(0.5);
    expect(s.percentiles.p5).toBe(0);
    expect(s.percentiles.p95).toBe(1);
    expect(s.meanLightness).toBeCloseTo(50, 4);
    expect(s.lumaStdDev).toBeCloseTo(0.5, 6);
  });

  it("reports the white-balance cast direction", () => {
    const warm = computeImageStats(solid([220, 160, 90]));
    const cool = computeImageStats(solid([90, 150, 220]));
    expect(warm.cast.b).toBeGreaterThan(20);
    expect(cool.cast.b).toBeLessThan(-20);
    expect(computeImageStats(solid([200, 80, 200])).cast.a).toBeGreaterThan(20); // magenta
    expect(computeImageStats(solid([80, 200, 80])).cast.a).toBeLessThan(-20); // green
  });

  it("gives fine detail more local contrast than a smooth gradient", () => {
    const checker = computeImageStats(rawImage(32, 32, (x, y) => ((x + y) % 2 ? [200, 200, 200] : [50, 50, 50])));
    const gradient = computeImageStats(rawImage(32, 32, (x) => [x * 8, x * 8, x * 8]));
    // Checkerboard: every interior Laplacian is 4·(150/255).
    expect(checker.localContrast).toBeCloseTo((4 * 150) / 255, 2);
    expect(gradient.localContrast).toBeLessThan(0.01);
  });

  it("works on a downsampled copy with bounded size", () => {
    const big = rawImage(1200, 600, (x) => [x % 256, 100, 50]);
    expect(computeImageStats(big).analysed).toEqual({ width: 512, height: 256 });
    expect(downsampleBox(solid([10, 20, 30], 4, 4), 2).data).toEqual(new Uint8Array([10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30]));
  });

  it("tells real photos apart: the night sky is dark, citrus is colourful, the cameraman is grey", async () => {
    const [hubble, citrus, cameraman] = await Promise.all(
      ["hubble-deep-field.jpg", "citrus-fruits.jpg", "cameraman-grayscale.jpg"].map((f) => computeImageStatsFromBytes(samplePhoto(f))),
    );
    expect(hubble.percentiles.p50).toBeLessThan(0.15);
    expect(hubble.meanLuma).toBeLessThan(citrus.meanLuma);
    expect(citrus.meanChroma).toBeGreaterThan(30);
    expect(cameraman.meanChroma).toBeLessThan(3);
    expect(citrus.meanChroma).toBeGreaterThan(10 * cameraman.meanChroma);
  });
});
