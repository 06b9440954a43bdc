import { describe, expect, it } from "vitest";
import { parseEdit } from "./parse-edit";

describe("parseEdit", () => {
  it("detects each format", () => {
    expect(parseEdit("{exposure=+0.9; contrast=-30}")).toMatchObject({
      format: "retouchiq",
      formatOk: true,
      params: { Exposure2012: 0.9, Contrast2012: -30 },
    });
    expect(parseEdit('{"Exposure2012": 0.9}')).toMatchObject({ format: "json", params: { Exposure2012: 0.9 } });
    expect(parseEdit('<think>warm it</think>\n<answer>{"IncrementalTemperature": 20}</answer>')).toMatchObject({
      format: "jarvisart",
      reasoning: "warm it",
      formatOk: true,
      params: { IncrementalTemperature: 20 },
    });
    expect(parseEdit("make it pop")).toMatchObject({ format: "unknown", params: {}, formatOk: false });
  });

  it("never throws on random or truncated text", () => {
    const samples = [
      "{exposure=+0.9; contrast=-30}",
      '<think>x</think>\n<answer>{"Exposure2012": 0.5, "ToneCurvePV2012": {"1": 0, "2": 0, "3": 255, "4": 255}, "MaskGroupBasedCorrections": [{"CorrectionMasks": [{"What": "Mask/Gradient"}]}]}</answer>',
      '{"MaskGroupBasedCorrections": [{"LocalExposure2012": "x", "CorrectionMasks": {"What": 3}}]}',
    ];
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = "{}[]<>/=:;,\"'+-. 0123456789abcdeEx\n\u2212answerthink";
    let parsed = 0;
    for (let i = 0; i < 1500; i++) {
      const base = samples[i % samples.length];
      const cut = base.slice(0, Math.floor(rand() * (base.length + 1)));
      const noise = Array.from({ length: Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
      const text = i % 2 === 0 ? cut : cut + noise;
      const r = parseEdit(text);
      expect(Array.isArray(r.issues)).toBe(true);
      expect(typeof r.params).toBe("object");
      if (Object.keys(r.params).length > 0) parsed++;
    }
    // Many truncated inputs still hold a readable prefix; the parser should recover some of them.
    expect(parsed).toBeGreaterThan(100);
  });

  it("survives non-string input passed by untyped callers", () => {
    for (const v of [undefined, null, 42, {}, []]) expect(() => parseEdit(v as unknown as string)).not.toThrow();
  });
});
