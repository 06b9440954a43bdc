import type { Correction } from "./corrections";
import type { DevelopParams } from "./develop-params";
import { roundTo } from "./coerce-value";
import { PARAM_KEYS, PARAM_SPECS } from "./specs";
import type { ParamSpec, ToneCurve } from "./types";
import { mulberry32 } from "../pipeline/prng";

/** Options for `randomParams`. */
export type RandomParamsOptions = {
  /** Seed of the deterministic generator; the same seed gives the same parameters. */
  seed: number;
  /** Chance that each key is present. @default 0.3 */
  density?: number;
  /** Include 0–3 local corrections. @default true */
  corrections?: boolean;
};

/**
 * Deterministic random, valid, canonical `DevelopParams` (every value in range, at its precision)
 * for property tests and fuzzing of readers, writers and the pipeline.
 */
export function randomParams(o: RandomParamsOptions): DevelopParams {
  const rand = mulberry32(o.seed);
  const density = o.density ?? 0.3;
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) {
    if (rand() >= density) continue;
    const spec: ParamSpec = PARAM_SPECS[key];
    if (spec.kind === "number") out[key] = roundTo(spec.min + rand() * (spec.max - spec.min), spec.decimals);
    else if (spec.kind === "boolean") out[key] = rand() < 0.5;
    else if (spec.kind === "enum") out[key] = spec.values[Math.floor(rand() * spec.values.length)];
    else out[key] = randomCurve(rand);
  }
  if (o.corrections ?? true) {
    const n = Math.floor(rand() * 4);
    if (n > 0) out.MaskGroupBasedCorrections = Array.from({ length: n }, (_, i) => randomCorrection(rand, i));
  }
  return out as DevelopParams;
}

function randomCurve(rand: () => number): ToneCurve {
  const xs = new Set<number>([0, 255]);
  const n = Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) xs.add(1 + Math.floor(rand() * 254));
  return [...xs].sort((a, b) => a - b).map((x) => [x, Math.floor(rand() * 256)]);
}

const r6 = (v: number) => roundTo(v, 6);

function randomCorrection(rand: () => number, i: number): Correction {
  const kinds = ["gradient", "radial", "sky", "luminance"] as const;
  const kind = kinds[Math.floor(rand() * kinds.length)];
  const masks: Correction["CorrectionMasks"] = [];
  if (kind === "gradient")
    masks.push({ What: "Mask/Gradient", MaskValue: 1, ZeroX: r6(rand()), ZeroY: r6(rand()), FullX: r6(rand()), FullY: r6(rand()) });
  if (kind === "radial") {
    masks.push({
      What: "Mask/CircularGradient",
      MaskBlendMode: 0,
      Top: 0.2,
      Left: 0.2,
      Bottom: r6(0.5 + rand() / 2),
      Right: r6(0.5 + rand() / 2),
      Angle: r6(rand() * 90),
      Midpoint: 0.5,
      Feather: r6(rand()),
      Roundness: 0,
      Flipped: rand() < 0.5,
    });
  }
  if (kind === "sky") masks.push({ What: "Mask/Image", MaskSubType: 2, MaskInverted: rand() < 0.3 });
  if (kind === "luminance") {
    masks.push({ What: "Mask/Gradient", ZeroX: 0.5, ZeroY: 0.6, FullX: 0.5, FullY: 0.2 });
    masks.push({ What: "Mask/RangeMask", MaskBlendMode: 1, CorrectionRangeMask: { Type: 2, LumRange: [0.5, 0.6, 0.9, 1] } });
  }
  return {
    CorrectionName: `Mask ${i + 1} & <co>`,
    CorrectionActive: rand() < 0.9,
    CorrectionAmount: r6(rand()),
    LocalExposure2012: r6(rand() * 2 - 1),
    LocalContrast2012: r6(rand() * 2 - 1),
    CorrectionMasks: masks,
  };
}

/** The engine's seeded PRNG, re-exported for callers outside lib/develop (bootstraps, benchmark lists). */
export { mulberry32 };
