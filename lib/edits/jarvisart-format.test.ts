import { describe, expect, it } from "vitest";
import { randomParams } from "../develop/params";
import { parseJarvisArt, serializeJarvisArt } from "./jarvisart-format";

describe("parseJarvisArt", () => {
  it("reads reasoning and a config with Lightroom keys and a numbered curve", () => {
    const text =
      '<think>The sky is dull; lift exposure.</think>\n<answer>{"Exposure2012": 0.35, "Temperature": 6000, "ToneCurvePV2012": {"1": 0, "2": 12, "3": 128, "4": 135, "5": 255, "6": 250}}</answer>';
    const r = parseJarvisArt(text);
    expect(r.formatOk).toBe(true);
    expect(r.reasoning).toBe("The sky is dull; lift exposure.");
    expect(r.params).toEqual({
      Exposure2012: 0.35,
      Temperature: 6000,
      ToneCurvePV2012: [
        [0, 12],
        [128, 135],
        [255, 250],
      ],
    });
    expect(r.issues).toEqual([]);
  });

  it("takes the LAST answer and repairs its JSON", () => {
    const text =
      "<think>first try</think><answer>{\"Exposure2012\": 1}</answer> wait <think>better</think>\n<answer>{Contrast2012: -20, 'Vibrance': 15,}</answer>";
    const r = parseJarvisArt(text);
    expect(r.params).toEqual({ Contrast2012: -20, Vibrance: 15 });
    expect(r.reasoning).toBe("better");
    // JarvisArt's lazy regex still fully matches: the first <think> block can stretch over the retry.
    expect(r.formatOk).toBe(true);
  });

  it("reads local corrections", () => {
    const text =
      '<think>.</think><answer>{"MaskGroupBasedCorrections": [{"CorrectionAmount": 1, "LocalExposure2012": 0.1, "CorrectionMasks": [{"What": "Mask/Image", "MaskSubType": 2}]}]}</answer>';
    expect(parseJarvisArt(text).params.MaskGroupBasedCorrections?.[0].CorrectionMasks[0]).toMatchObject({
      What: "Mask/Image",
      MaskSubType: 2,
    });
  });

  it("applies the format regex as a full match", () => {
    expect(parseJarvisArt("<think>a</think>  \n <answer>{}</answer>").formatOk).toBe(true);
    expect(parseJarvisArt("Sure! <think>a</think><answer>{}</answer>").formatOk).toBe(false);
    expect(parseJarvisArt("<think>a</think><answer>{}").formatOk).toBe(false);
  });

  it("reads a truncated answer and says so; reports a missing or non-object answer", () => {
    const truncated = parseJarvisArt('<think>x</think><answer>{"Exposure2012": 0.5, "Contrast2012": -1');
    expect(truncated.params).toEqual({ Exposure2012: 0.5, Contrast2012: -1 });
    expect(truncated.issues[0].message).toMatch(/not closed/);
    expect(parseJarvisArt("<think>only thinking</think>").issues[0].message).toMatch(/no <answer>/);
    expect(parseJarvisArt("<answer>[1,2]</answer>").issues[0].code).toBe("malformed");
  });
});

describe("serializeJarvisArt", () => {
  it("round-trips params and reasoning, and passes the format check", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const params = randomParams({ seed });
      const text = serializeJarvisArt({ params, reasoning: `step ${seed}` });
      const back = parseJarvisArt(text);
      expect(back.formatOk).toBe(true);
      expect(back.reasoning).toBe(`step ${seed}`);
      expect(serializeJarvisArt({ params: back.params, reasoning: back.reasoning })).toBe(text);
    }
  });

  it("writes curves as numbered objects", () => {
    expect(
      serializeJarvisArt({
        params: {
          ToneCurvePV2012: [
            [0, 5],
            [255, 250],
          ],
        },
      }),
    ).toBe('<think></think>\n<answer>{"ToneCurvePV2012":{"1":0,"2":5,"3":255,"4":250}}</answer>');
  });
});
