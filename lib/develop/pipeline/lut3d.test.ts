import { describe, expect, it } from "vitest";
import { PARAM_SPECS, randomParams, type DevelopParams, type ParamSpec } from "../params";
import { applyGlobalLut } from "./apply-lut3d";
import { decodeSrgb8 } from "./decode";
import { encodeToImage8 } from "./encode";
import { bakeGlobalLut } from "./lut3d";
import { planRender } from "./plan-render";
import { runGlobalStages } from "./run-global";
import { syntheticImage } from "./synthetic-image";
import { toneRegionsFor, regionToneDelta } from "./tone-regions";

/**
 * Random global edits of "typical" strength: a random draw of the parameter table, every numeric
 * slider pulled halfway back toward its default (full-range draws of 20+ sliders at once are
 * beyond any real edit; see README "Accuracy").
 */
function typicalGlobalParams(seed: number): DevelopParams {
  const raw = randomParams({ seed, density: 0.3, corrections: false }) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const spec = (PARAM_SPECS as Record<string, ParamSpec>)[key];
    if (!spec || (["presence", "vignette", "grain", "detail"].includes(spec.group) && key !== "Vibrance" && key !== "Saturation")) continue;
    out[key] = spec.kind === "number" && typeof value === "number" ? spec.default + (value - spec.default) / 2 : value;
  }
  return out as DevelopParams;
}

function agreement(a: ArrayLike<number>, b: ArrayLike<number>): { max: number; within2: number } {
  let max = 0;
  let ok = 0;
  const n = a.length / 3;
  for (let p = 0; p < n; p++) {
    let m = 0;
    for (let c = 0; c < 3; c++) m = Math.max(m, Math.abs(a[p * 3 + c] - b[p * 3 + c]));
    max = Math.max(max, m);
    if (m <= 2) ok++;
  }
  return { max, within2: ok / n };
}

describe("baked global LUT", () => {
  const image = syntheticImage({ width: 160, height: 120 });

  it("reproduces the identity exactly", () => {
    const lut = bakeGlobalLut({ settings: planRender({}).global });
    expect(applyGlobalLut({ image, lut }).data).toEqual(image.data);
  });

  it("reproduces an all-stage edit exactly at the grid nodes' precision (identity colour cube)", () => {
    const settings = { ...planRender({}).global, hsl: { hue: [0, 0, 0, 0, 0, 0, 0, 0] } };
    const lut = bakeGlobalLut({ settings, size: 17 });
    const { within2, max } = agreement(applyGlobalLut({ image, lut }).data, image.data);
    expect(within2).toBe(1);
    expect(max).toBeLessThanOrEqual(1);
  });

  for (const size of [17, 25, 33]) {
    it(`agrees with the float path within 2 codes on ≥ 99.9 % of pixels for random edits (grid ${size})`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const settings = planRender(typicalGlobalParams(seed)).global;
        const float = decodeSrgb8({ image });
        runGlobalStages({ image: float, settings, toneDelta: regionToneDelta(image, settings) });
        const exact = encodeToImage8({ image: float, domain: "display" }).data;
        const fast = applyGlobalLut({ image, lut: bakeGlobalLut({ settings, size }), regions: toneRegionsFor(image, settings) }).data;
        const { within2 } = agreement(fast, exact);
        expect(within2, `seed ${seed}`).toBeGreaterThanOrEqual(0.999);
      }
    });
  }

  it("rejects a grid size outside 3–65", () => {
    expect(() => bakeGlobalLut({ settings: {}, size: 2 })).toThrow(RangeError);
  });
});
