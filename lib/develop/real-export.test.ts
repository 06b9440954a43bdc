// A Lightroom Classic export as real ones come (fixtures/xmp/real-export-classic.xmp): noise
// reduction, point colour, a radial mask with Midpoint/Roundness, an AI sky mask, lens and crop.
// Everything the engine can draw is rendered; what is left is reported with its reason.
import { beforeAll, describe, expect, it } from "vitest";
import { readText } from "@/test/files";
import { decodeRgb } from "@/test/images";
import { parseRetouchIq, serializeRetouchIq } from "@/lib/edits";
import { readXmp, writeXmp } from "./xmp";
import { renderImage } from "./render";
import type { Image8 } from "./pipeline/decode";

const xmp = readText("lib/develop/fixtures/xmp/real-export-classic.xmp");

describe("a real Lightroom Classic export", () => {
  let photo: Image8;
  beforeAll(async () => {
    photo = await decodeRgb("public/samples/citrus-fruits.jpg", { width: 160 });
  });

  it("reads point colours (empty slot dropped, ColorVariance per swatch) and default sub-sliders quietly", () => {
    const { params, issues } = readXmp(xmp);
    expect(params.PointColors).toHaveLength(2);
    expect(params.PointColors![0]).toMatchObject({ SrcHue: 0.4123, HueShift: -0.12, Variance: -0.2, HueRange: [0, 0.33, 0.67, 1] });
    expect(params.LuminanceSmoothing).toBe(18);
    expect(params.ColorNoiseReduction).toBe(25);
    // Only real gaps are reported, each with its reason; Detail/Smoothness at Lightroom's 50 are defaults.
    const reported = issues.map((i) => i.key);
    expect(reported).toEqual(["LensProfileEnable", "AutoLateralCA", "CropTop", "CropLeft", "CropBottom", "CropRight", "CropAngle"]);
    expect(issues.find((i) => i.key === "CropTop")!.message).toMatch(/source frame/);
    expect(issues.find((i) => i.key === "LensProfileEnable")!.message).toMatch(/lens profile/);
  });

  it("renders everything but the AI sky mask", () => {
    const { params } = readXmp(xmp);
    const { image, report } = renderImage({ image: photo, params });
    expect(report.applied).toEqual(
      expect.arrayContaining(["PointColors", "LuminanceSmoothing", "ColorNoiseReduction", "MaskGroupBasedCorrections"]),
    );
    expect(report.notRendered.map((n) => n.key)).toEqual([
      "MaskGroupBasedCorrections[1].CorrectionMasks[0]",
      "MaskGroupBasedCorrections[1]",
    ]);
    expect(report.notRendered[0].reason).toMatch(/segmentation/);
    expect(image.data.some((v, i) => v !== photo.data[i])).toBe(true);
  });

  it("point colours survive XMP and RetouchIQ text round trips and change the render", () => {
    const { params } = readXmp(xmp);
    expect(readXmp(writeXmp(params)).params.PointColors).toEqual(params.PointColors);
    expect(parseRetouchIq(serializeRetouchIq(params)).params.PointColors).toEqual(params.PointColors);
    const without = renderImage({ image: photo, params: { ...params, PointColors: undefined } }).image;
    const withPc = renderImage({ image: photo, params }).image;
    expect(withPc.data.some((v, i) => v !== without.data[i])).toBe(true);
  });
});
