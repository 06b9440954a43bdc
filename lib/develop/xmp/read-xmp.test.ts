import { describe, expect, it } from "vitest";
import { readText } from "@/test/files";
import { readXmp } from "./read-xmp";

const fixture = (name: string) => readText(`lib/develop/fixtures/xmp/${name}`);

describe("readXmp on hand-written fixtures", () => {
  it("reads rdf:Seq curves and ignores other namespaces and split descriptions", () => {
    const { params, issues, meta } = readXmp(fixture("point-curves.xmp"));
    expect(issues).toEqual([]);
    expect(params.Exposure2012).toBe(0.35);
    expect(params.ToneCurvePV2012).toEqual([
      [0, 0],
      [32, 22],
      [64, 56],
      [128, 128],
      [192, 196],
      [255, 255],
    ]);
    expect(params.ToneCurvePV2012Blue).toEqual([
      [0, 12],
      [255, 240],
    ]);
    expect(meta).toMatchObject({ processVersion: "15.4", hasSettings: true, other: { CameraProfile: "Adobe Standard" } });
  });

  it("reads the element form, including parseType=Resource corrections", () => {
    const { params, issues } = readXmp(fixture("element-form.xmp"));
    expect(issues).toEqual([]);
    expect(params).toMatchObject({ WhiteBalance: "Custom", Temperature: 6150, Tint: 8, Exposure2012: -0.45, ParametricMidtoneSplit: 55 });
    expect(params.MaskGroupBasedCorrections?.[0]).toMatchObject({
      LocalShadows2012: 0.25,
      CorrectionMasks: [{ What: "Mask/Gradient", FullY: 0.9 }],
    });
  });

  it("reads linear and radial gradient corrections with their local sliders", () => {
    const { params, issues } = readXmp(fixture("gradient-masks.xmp"));
    expect(issues).toEqual([]);
    const [sky, face] = params.MaskGroupBasedCorrections ?? [];
    expect(sky).toMatchObject({
      CorrectionName: "Darken sky",
      LocalExposure2012: -0.125,
      CorrectionMasks: [{ What: "Mask/Gradient", ZeroY: 0.55, FullY: 0.25, MaskInverted: false }],
    });
    expect(face).toMatchObject({
      CorrectionAmount: 0.8,
      CorrectionMasks: [{ What: "Mask/CircularGradient", Angle: 12.5, Feather: 0.75, Flipped: false }],
    });
  });

  it("reads a luminance range mask intersected with a gradient", () => {
    const { params, issues } = readXmp(fixture("luminance-range-mask.xmp"));
    expect(issues).toEqual([]);
    const masks = params.MaskGroupBasedCorrections?.[0].CorrectionMasks ?? [];
    expect(masks[1]).toMatchObject({
      What: "Mask/RangeMask",
      MaskBlendMode: 1,
      CorrectionRangeMask: { Type: 2, LumRange: [0.55, 0.7, 1, 1] },
    });
  });

  it("reads AI masks with subtype and person part", () => {
    const { params, issues } = readXmp(fixture("ai-sky-mask.xmp"));
    expect(issues).toEqual([]);
    const [sky, skin] = params.MaskGroupBasedCorrections ?? [];
    expect(sky.CorrectionMasks[0]).toMatchObject({ What: "Mask/Image", MaskSubType: 2 });
    expect(skin).toMatchObject({ CorrectionActive: false, CorrectionMasks: [{ MaskSubType: 3, MaskSubCategoryID: 2 }] });
  });

  it("converts PV2010 keys using their old meanings", () => {
    const { params, issues } = readXmp(fixture("pv2010-legacy.xmp"));
    expect(params).toMatchObject({
      Exposure2012: 0.35,
      Contrast2012: 25, // +50 against PV2010's +25 default
      Highlights2012: -30, // Recovery 30 pulls highlights down
      Shadows2012: 20, // Fill Light
      Blacks2012: -5, // PV2010 "Shadows" 10 against its default 5
      Clarity2012: 15,
      ToneCurveName2012: "Medium Contrast",
    });
    expect(params.ToneCurvePV2012).toHaveLength(6);
    expect(issues.map((i) => [i.key, i.code])).toEqual([["Brightness", "not_rendered"]]);
  });

  it("ignores stale PV2010 keys beside their PV2012 ones, and falls back to them when alone", () => {
    const xmp = (attrs: string) =>
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:ProcessVersion="6.7" ${attrs}/></rdf:RDF></x:xmpmeta>`;
    expect(readXmp(xmp('crs:Exposure="+1.00" crs:Exposure2012="+0.50" crs:Contrast="+25" crs:Contrast2012="+10"'))).toMatchObject({
      params: { Exposure2012: 0.5, Contrast2012: 10 },
      issues: [],
    });
    expect(readXmp(xmp('crs:Exposure="+1.00"')).params).toEqual({ Exposure2012: 1 });
  });

  it("reads preset metadata: type, x-default name, group, UUID, look", () => {
    const { params, issues, meta } = readXmp(fixture("preset-full.xmp"));
    expect(issues).toEqual([]);
    expect(meta).toMatchObject({
      presetType: "Normal",
      name: "Warm & Airy Portrait",
      group: "RetouchIQ Fixtures",
      uuid: "9F2C41D07B3A4E8C8A51D2E6C0B7F413",
      look: { name: "Adobe Color", uuid: "B952C231111CD8E0ECCF14B86BAA7077", amount: 1, group: "Profiles" },
    });
    expect(meta.other.SupportsAmount).toBe("True");
    expect(params).toEqual({
      IncrementalTemperature: 15,
      IncrementalTint: -6,
      Exposure2012: 0.9,
      Contrast2012: -30,
      Highlights2012: -55,
      Shadows2012: 40,
      Vibrance: 20,
      Clarity2012: 8,
    });
  });
});

describe("readXmp on bad input", () => {
  it("gives one malformed issue for broken XML and does not throw", () => {
    const { params, issues } = readXmp(fixture("bad-xml.xmp"));
    expect(params).toEqual({});
    expect(issues).toHaveLength(1);
    expect(issues[0].code).toBe("malformed");
    expect(issues[0].message).toMatch(/not well-formed XML \(line \d+/);
  });

  it("names each key that holds text where a number belongs", () => {
    const { params, issues } = readXmp(fixture("strings-for-numbers.xmp"));
    expect(params).toEqual({ Contrast2012: 20 });
    expect(issues.map((i) => `${i.key} ${i.code}`).sort()).toEqual([
      "ConvertToGrayscale wrong_type",
      "Exposure2012 wrong_type",
      "Saturation wrong_type",
      "ToneCurvePV2012 malformed",
    ]);
    expect(issues.find((i) => i.key === "Exposure2012")?.message).toContain('"bright"');
  });

  it("clamps out-of-range values, top-level and local, and reports each", () => {
    const { params, issues } = readXmp(fixture("out-of-range.xmp"));
    expect(params).toMatchObject({ Exposure2012: 5, Highlights2012: -100, SplitToningShadowHue: 359, Sharpness: 150, Vibrance: 20 });
    expect(params.MaskGroupBasedCorrections?.[0]).toMatchObject({ CorrectionAmount: 1, LocalExposure2012: 1 });
    expect(issues.every((i) => i.code === "out_of_range")).toBe(true);
    expect(issues.map((i) => i.key).sort()).toEqual([
      "Exposure2012",
      "Highlights2012",
      "MaskGroupBasedCorrections[0].CorrectionAmount",
      "MaskGroupBasedCorrections[0].LocalExposure2012",
      "Sharpness",
      "SplitToningShadowHue",
    ]);
  });

  it("reports unknown and third-party keys and unrendered settings", () => {
    const { params, issues } = readXmp(fixture("unknown-keys.xmp"));
    expect(params).toEqual({ Exposure2012: 0.25, SplitToningShadowHue: 210, SplitToningShadowSaturation: 15 });
    expect(issues.map((i) => [i.key, i.code])).toEqual([
      ["SparkleAmount", "unknown_key"],
      ["ColorGradeShadowHue", "unknown_key"],
      ["ColorGradeShadowSat", "unknown_key"],
      ["CropTop", "not_rendered"],
    ]);
    expect(issues[1].message).toContain("read as SplitToningShadowHue");
  });

  it("never throws on arbitrary text", () => {
    for (const text of [
      "",
      "   ",
      "hello",
      "<a/>",
      "<x:xmpmeta>",
      "<rdf:RDF><rdf:Description crs:Exposure2012='1'/></rdf:RDF>",
      "\u0000\uffff",
    ]) {
      expect(() => readXmp(text)).not.toThrow();
    }
    expect(readXmp("<rdf:RDF><rdf:Description crs:Exposure2012='1'/></rdf:RDF>").params).toEqual({ Exposure2012: 1 });
  });
});
