import { describe, expect, it } from "vitest";
import { cohenKappa, fleissKappa, krippendorffAlphaNominal } from "./agreement";

describe("Cohen's κ", () => {
  // Worked example from Wikipedia, "Cohen's kappa" (§ Simple example): 50 proposals,
  // both Yes 20, A Yes/B No 5, A No/B Yes 10, both No 15 → pₒ = 0.7, pₑ = 0.5, κ = 0.4.
  it("matches the published worked example", () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, () => ["yes", "yes"] as [string, string]),
      ...Array.from({ length: 5 }, () => ["yes", "no"] as [string, string]),
      ...Array.from({ length: 10 }, () => ["no", "yes"] as [string, string]),
      ...Array.from({ length: 15 }, () => ["no", "no"] as [string, string]),
    ];
    expect(cohenKappa(pairs)).toBeCloseTo(0.4, 10);
  });
  it("is 1 for perfect agreement and undefined with no items", () => {
    expect(
      cohenKappa([
        ["a", "a"],
        ["b", "b"],
      ]),
    ).toBe(1);
    expect(cohenKappa([])).toBeNull();
  });
});

describe("Fleiss' κ", () => {
  // Worked example from Wikipedia, "Fleiss' kappa" (§ Worked example), after Fleiss (1971):
  // 10 subjects, 14 raters, 5 categories → P̄ = 0.378, P̄ₑ = 0.213, κ = 0.210.
  const table = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  it("matches the published worked example", () => {
    expect(fleissKappa(table)).toBeCloseTo(0.21, 3);
  });
  it("refuses items rated by different numbers of raters", () => {
    expect(
      fleissKappa([
        [1, 1],
        [2, 1],
      ]),
    ).toBeNull();
  });
});

describe("Krippendorff's α (nominal)", () => {
  // Krippendorff, K. (2011) "Computing Krippendorff's Alpha-Reliability", §C: 4 observers,
  // 12 units, missing values; nominal α = 0.743.
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
  it("matches the published worked example", () => {
    const units = A.map((_, u) => [A[u], B[u], C[u], D[u]].filter((v) => v !== null).map(String));
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });
  it("equals Cohen-style chance correction on a two-rater table with perfect agreement", () => {
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["b", "b"],
        ["a", "a"],
      ]),
    ).toBe(1);
  });
});
