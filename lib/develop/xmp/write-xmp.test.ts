import { describe, expect, it } from "vitest";
import { PARAM_KEYS, PARAM_SPECS, isErrorIssue, normalizeParams, randomParams } from "../params";
import type { DevelopParams, ParamSpec } from "../params";
import { readXmp } from "./read-xmp";
import { writeXmp } from "./write-xmp";

const attr = (xmp: string, key: string) => xmp.match(new RegExp(`crs:${key}="([^"]*)"`))?.[1];

describe("writeXmp", () => {
  it("uses Lightroom's number and boolean text", () => {
    const xmp = writeXmp({
      Exposure2012: 0.5,
      Contrast2012: 26,
      Highlights2012: -35,
      SharpenRadius: 1,
      Temperature: 5450,
      ConvertToGrayscale: true,
      Sharpness: 40,
      Tint: 0,
    });
    expect(attr(xmp, "Exposure2012")).toBe("+0.50");
    expect(attr(xmp, "Contrast2012")).toBe("+26");
    expect(attr(xmp, "Highlights2012")).toBe("-35");
    expect(attr(xmp, "SharpenRadius")).toBe("+1.0");
    expect(attr(xmp, "Temperature")).toBe("5450");
    expect(attr(xmp, "Sharpness")).toBe("40");
    expect(attr(xmp, "Tint")).toBe("0");
    expect(attr(xmp, "ConvertToGrayscale")).toBe("True");
    expect(attr(xmp, "HasSettings")).toBe("True");
    expect(attr(xmp, "ProcessVersion")).toBe("15.4");
  });

  it('writes curves as rdf:Seq of "x, y" and corrections as nested rdf:Seq', () => {
    const xmp = writeXmp({
      ToneCurvePV2012: [
        [0, 0],
        [64, 56],
        [255, 255],
      ],
      MaskGroupBasedCorrections: [
        { CorrectionAmount: 1, LocalExposure2012: 0.0375, CorrectionMasks: [{ What: "Mask/Image", MaskSubType: 2 }] },
      ],
    });
    expect(xmp).toMatch(/<crs:ToneCurvePV2012>\s*<rdf:Seq>\s*<rdf:li>0, 0<\/rdf:li>\s*<rdf:li>64, 56<\/rdf:li>/);
    expect(xmp).toContain('crs:LocalExposure2012="0.037500"');
    expect(xmp).toContain('crs:MaskSubType="2"');
    expect(xmp).toMatch(/<crs:MaskGroupBasedCorrections>\s*<rdf:Seq>\s*<rdf:li>\s*<rdf:Description/);
  });

  it("writes a preset with name, group and a stable UUID", () => {
    const params: DevelopParams = { Exposure2012: 0.3 };
    const a = writeXmp(params, { name: "Warm & <Soft>", preset: { group: "Mine" } });
    const b = writeXmp(params, { name: "Warm & <Soft>", preset: { group: "Mine" } });
    expect(a).toBe(b);
    expect(attr(a, "PresetType")).toBe("Normal");
    expect(attr(a, "UUID")).toMatch(/^[0-9A-F]{32}$/);
    const back = readXmp(a);
    expect(back.meta).toMatchObject({ name: "Warm & <Soft>", group: "Mine", presetType: "Normal", hasSettings: true });
    expect(attr(writeXmp({ Exposure2012: 0.4 }, { name: "Warm & <Soft>", preset: true }), "UUID")).not.toBe(attr(a, "UUID"));
  });

  it("round-trips random parameters exactly (property test, 300 seeds)", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const params = randomParams({ seed });
      // The generator must produce canonical data, or the round-trip proves nothing.
      expect(normalizeParams(params as Record<string, unknown>).params, `seed ${seed}`).toEqual(params);
      const back = readXmp(writeXmp(params, { name: `seed ${seed}` }));
      expect(back.params, `seed ${seed}`).toEqual(params);
      expect(
        back.issues.filter((i) => i.code !== "not_rendered"),
        `seed ${seed}`,
      ).toEqual([]);
    }
  });

  it("round-trips every key at once, and every number at its min and max", () => {
    const all = randomParams({ seed: 7, density: 1 });
    expect(readXmp(writeXmp(all)).params).toEqual(all);
    for (const end of ["min", "max"] as const) {
      const params: Record<string, number> = {};
      for (const key of PARAM_KEYS) {
        const spec: ParamSpec = PARAM_SPECS[key];
        if (spec.kind === "number") params[key] = spec[end];
      }
      const back = readXmp(writeXmp(params as DevelopParams));
      expect(back.params, end).toEqual(params);
      expect(back.issues.filter(isErrorIssue), end).toEqual([]);
    }
  });
});
