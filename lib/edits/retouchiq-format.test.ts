import { describe, expect, it } from "vitest";
import { randomParams } from "../develop/params";
import { parseRetouchIq, serializeRetouchIq } from "./retouchiq-format";

describe("parseRetouchIq", () => {
  it("reads the canonical form and says it is well formed", () => {
    const r = parseRetouchIq("{exposure=+0.9; contrast=-30}");
    expect(r.params).toEqual({ Exposure2012: 0.9, Contrast2012: -30 });
    expect(r.issues).toEqual([]);
    expect(r.formatOk).toBe(true);
  });

  it.each([
    ["missing braces", "exposure=+0.9; contrast=-30"],
    ["commas", "{exposure=+0.9, contrast=-30}"],
    ["colons and spaces", "{ exposure : +0.9 ;  contrast :  -30 }"],
    ["newlines and trailing text", "{exposure=+0.9\ncontrast=-30}\nThat should brighten it."],
    ["quoted keys and units", '{"exposure": "+0.9 EV", "contrast": "-30"}'],
  ])("tolerates %s", (_label, text) => {
    const r = parseRetouchIq(text);
    expect(r.params).toEqual({ Exposure2012: 0.9, Contrast2012: -30 });
    expect(r.formatOk).toBe(false);
  });

  it("reads a Unicode minus and upper-case keys (formatOk checks only the {k=v; …} syntax)", () => {
    const r = parseRetouchIq("{EXPOSURE=+0.9; Contrast=\u221230}");
    expect(r.params).toEqual({ Exposure2012: 0.9, Contrast2012: -30 });
    expect(r.formatOk).toBe(true);
  });

  it("keeps commas inside curve values", () => {
    const r = parseRetouchIq("{curve=[[0,0],[128,140],[255,255]], contrast=10}");
    expect(r.params).toEqual({
      ToneCurvePV2012: [
        [0, 0],
        [128, 140],
        [255, 255],
      ],
      Contrast2012: 10,
    });
  });

  it("reports unknown keys, bad values and unreadable pieces", () => {
    const r = parseRetouchIq("{exposure=lots; sparkle=3; ???}");
    expect(r.params).toEqual({});
    expect(r.issues.map((i) => i.code).sort()).toEqual(["malformed", "unknown_key", "wrong_type"]);
  });
});

describe("serializeRetouchIq", () => {
  it("writes short names, signs, fixed decimals and drops defaults", () => {
    expect(
      serializeRetouchIq({
        Contrast2012: -30,
        Exposure2012: 0.9,
        Saturation: 0,
        IncrementalTemperature: 15,
        SaturationAdjustmentOrange: 5,
      }),
    ).toBe("{temperature=+15; exposure=+0.90; contrast=-30; sat_orange=+5}");
    expect(serializeRetouchIq({})).toBe("{}");
    // Raw-file white balance gets its own names so lower-casing never confuses it with the relative keys.
    expect(serializeRetouchIq({ Temperature: 6000, Tint: 10, IncrementalTint: -4 })).toBe("{kelvin=6000; raw_tint=+10; tint=-4}");
  });

  it("is canonical: equal params give equal text, and the text parses back to the params", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const params = randomParams({ seed, corrections: seed % 3 === 0 });
      const text = serializeRetouchIq(params);
      const back = parseRetouchIq(text);
      expect(
        back.issues.filter((i) => i.code !== "not_rendered"),
        text,
      ).toEqual([]);
      expect(serializeRetouchIq(back.params)).toBe(text);
    }
  });
});
