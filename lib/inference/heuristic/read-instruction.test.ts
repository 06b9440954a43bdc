import { describe, expect, it } from "vitest";
import { perturbHeuristic } from "./perturb";
import { readInstruction } from "./read-instruction";

describe("readInstruction (the heuristic lexicon)", () => {
  it("reads single directions", () => {
    expect(readInstruction("Make it brighter").moves).toEqual({ brightness: 1 });
    expect(readInstruction("warmer please").moves).toEqual({ warmth: 1 });
    expect(readInstruction("more contrast").moves).toEqual({ contrast: 1 });
    expect(readInstruction("Desaturate the photo").moves).toEqual({ saturation: -1 });
  });

  it("prefers the longest phrase: 'less contrast' is not 'contrast', 'black and white' is not 'white'", () => {
    expect(readInstruction("less contrast").moves).toEqual({ contrast: -1 });
    const bw = readInstruction("convert it to black and white");
    expect(bw.grayscale).toBe(true);
    expect(bw.moves.brightness).toBeUndefined();
  });

  it("turns a negated phrase into its opposite", () => {
    expect(readInstruction("make it less warm").moves).toEqual({ warmth: -1 });
    expect(readInstruction("not so bright").moves).toEqual({ brightness: -1 });
  });

  it("combines moves and reads intensity", () => {
    const r = readInstruction("Slightly moodier and cooler");
    expect(r.strength).toBe(0.5);
    expect(r.moves).toMatchObject({ brightness: -1, warmth: -1 });
  });

  it("understands nothing in an unrelated sentence", () => {
    expect(readInstruction("the cat sat on the mat").entries).toEqual([]);
  });
});

describe("perturbHeuristic", () => {
  it("drops or weakens the largest contributor and keeps the edit plausible", () => {
    const params = { Exposure2012: 1.2, Contrast2012: 10, IncrementalTemperature: 5 };
    for (const seed of [0, 1, 2, 3, 7]) {
      const weak = perturbHeuristic({ params, seed });
      expect(Math.abs(weak.params.Exposure2012 ?? 0)).toBeLessThan(1.2 * 0.5);
      expect(weak.changes[0].key).toBe("Exposure2012");
      expect(weak.note).toMatch(/Exposure2012/);
    }
  });

  it("leaves an empty edit alone", () => {
    expect(perturbHeuristic({ params: {}, seed: 1 })).toMatchObject({ params: {}, changes: [] });
  });
});
