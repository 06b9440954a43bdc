import { describe, expect, it } from "vitest";
import { PARAM_SPECS, isParamKey, normalizeParams } from "@/lib/develop/params";
import { editMagnitude, paramDistance } from "./param-distance";
import { applyStrategy, perturbAll, STRATEGIES } from "./strategies";

const EDITS = [
  { Exposure2012: 0.9, Contrast2012: 30, Shadows2012: 25 },
  { IncrementalTemperature: 28, Vibrance: 12, Exposure2012: 0.15 },
  { Exposure2012: -0.6, Saturation: -30, IncrementalTemperature: -12, PostCropVignetteAmount: -25 },
  { Exposure2012: 4.5, Highlights2012: -90 },
];

describe("perturbation strategies", () => {
  it("produce valid params (no normalisation issues, every slider in range) that differ visibly from the strong edit", () => {
    for (const strong of EDITS) {
      const all = perturbAll(strong);
      expect(all.length).toBeGreaterThanOrEqual(5);
      for (const p of all) {
        expect(normalizeParams(p.params).issues).toEqual([]);
        for (const [k, v] of Object.entries(p.params)) {
          if (!isParamKey(k)) continue;
          const spec = PARAM_SPECS[k];
          if (spec.kind !== "number") continue;
          expect(v as number).toBeGreaterThanOrEqual(spec.min);
          expect(v as number).toBeLessThanOrEqual(spec.max);
        }
        expect(paramDistance(strong, p.params), `${p.strategy} on ${JSON.stringify(strong)}`).toBeGreaterThan(0.5);
      }
    }
  });

  it("are weaker by construction: omit and scale-down shrink the edit, over-edit grows it, flip reverses the top slider", () => {
    const strong = EDITS[0];
    expect(editMagnitude(applyStrategy(strong, "omit:k=1")!.params)).toBeLessThan(editMagnitude(strong));
    expect(editMagnitude(applyStrategy(strong, "omit:k=2")!.params)).toBeLessThan(editMagnitude(applyStrategy(strong, "omit:k=1")!.params));
    expect(editMagnitude(applyStrategy(strong, "scale:0.3")!.params)).toBeCloseTo(0.3 * editMagnitude(strong), 1);
    expect(editMagnitude(applyStrategy(strong, "scale:1.8")!.params)).toBeGreaterThan(editMagnitude(strong));
    const flipped = applyStrategy(strong, "flip-sign")!;
    expect(flipped.kind).toBe("wrong_direction");
    expect(flipped.params.Exposure2012).toBe(-0.9);
    // An over-edit clamps at the slider's end instead of leaving the range.
    expect(applyStrategy(EDITS[3], "scale:1.8")!.params.Exposure2012).toBe(5);
  });

  it("skip strategies with nothing to act on", () => {
    expect(applyStrategy({ Exposure2012: 0.5 }, "omit:k=2")).toBeNull();
    expect(STRATEGIES.map((s) => applyStrategy({}, s)?.kind ?? null).filter(Boolean)).toEqual(["wb_tone_shift", "wb_tone_shift"]);
  });
});
