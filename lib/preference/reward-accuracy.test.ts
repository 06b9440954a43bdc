import { describe, expect, it } from "vitest";
import { accuracyTable } from "./reward-accuracy";

describe("accuracy table", () => {
  it("puts the model next to random and bigger-change-wins on the same pairs, per kind and overall", () => {
    const t = accuracyTable([
      { kind: "omit", verdicts: ["strong", "strong"], strongMagnitude: 3, weakMagnitude: 1 },
      { kind: "omit", verdicts: ["strong", "weak"], strongMagnitude: 3, weakMagnitude: 2 },
      { kind: "over_edit", verdicts: ["tie", "weak"], strongMagnitude: 3, weakMagnitude: 5 },
    ]);
    expect(t).toEqual([
      { kind: "omit", pairs: 2, model: 0.75, random: 0.5, biggerChange: 1 },
      { kind: "over_edit", pairs: 1, model: 0.25, random: 0.5, biggerChange: 0 },
      { kind: "all", pairs: 3, model: (1 + 1 + 1 + 0 + 0.5 + 0) / 6, random: 0.5, biggerChange: 2 / 3 },
    ]);
  });
});
