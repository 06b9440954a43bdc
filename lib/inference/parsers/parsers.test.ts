import { describe, expect, it } from "vitest";
import { cleanAnswer, stripBoxTokens } from "./clean-answer";
import { extractJsonObject } from "./extract-json";
import { FormatError } from "./format-error";

describe("cleanAnswer", () => {
  it("strips GLM box tokens and keeps the reasoning apart", () => {
    const a = cleanAnswer({ content: '<|begin_of_box|>{"a": 1}<|end_of_box|>', reasoning: "because" });
    expect(a).toEqual({ text: '{"a": 1}', reasoning: "because", truncated: false });
    expect(stripBoxTokens("<|begin_of_box|>x<|end_of_box|>")).toBe("x");
  });

  it("answers from the reasoning field when the content is empty (SGLang glm45 parser)", () => {
    expect(cleanAnswer({ content: null, reasoning: '{"a": 1}' }).text).toBe('{"a": 1}');
  });

  it("flags a cut answer", () => {
    expect(cleanAnswer({ content: '{"a":', finishReason: "length" }).truncated).toBe(true);
  });
});

describe("extractJsonObject", () => {
  it("finds the object inside fences, prose and think blocks", () => {
    expect(extractJsonObject('<think>{"no": 1}</think>Sure! ```json\n{"scores": {"A": 7, "B": 3}}\n``` Done.')).toEqual({
      scores: { A: 7, B: 3 },
    });
  });

  it("repairs trailing commas, single quotes and a truncated tail", () => {
    expect(extractJsonObject("{'a': 1, 'b': [1, 2,],}")).toEqual({ a: 1, b: [1, 2] });
    expect(extractJsonObject('{"intentions": {"short": "Make it bri')).toEqual({ intentions: { short: "Make it bri" } });
  });

  it("throws a FormatError when there is no object", () => {
    expect(() => extractJsonObject("I cannot help with that.")).toThrow(FormatError);
    expect(() => extractJsonObject("[1, 2, 3]")).toThrow(FormatError);
  });
});
