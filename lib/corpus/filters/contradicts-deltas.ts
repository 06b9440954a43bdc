import type { DevelopParams } from "@/lib/develop";
import type { FilterInput, FilterReason } from "./types";

type Claim = {
  what: string;
  up: string[];
  down: string[];
  /**
   * Signed movement of the edit along this dimension, or null when the
   * params do not say (so no claim can contradict them).
   */
  movement: (p: Record<string, number | undefined>, params: DevelopParams) => { value: number; detail: string } | null;
};

const n = (v: unknown) => (typeof v === "number" ? v : 0);

/**
 * Phrases an intention uses to state a direction, and the parameter
 * deltas that decide the direction of the edit itself. A claim contradicts
 * the edit only when the parameters clearly went the other way (every
 * relevant slider moved against it), so a measured side effect is never
 * called a contradiction.
 */
const CLAIMS: Claim[] = [
  {
    what: "brightness",
    up: ["brighter", "brighten", "lighten", "lighter", "more light", "raise the exposure", "increase the exposure", "lift the exposure"],
    down: ["darker", "darken", "lower the exposure", "reduce the exposure", "dim the"],
    movement: (p) => {
      const exposure = n(p.Exposure2012);
      const tone = n(p.Shadows2012) + n(p.Highlights2012) + n(p.Whites2012) + n(p.Blacks2012);
      // "Exposure and tone went down" (or up) together; mixed moves are ambiguous.
      if (exposure <= 0 && tone <= 0 && (exposure < -0.1 || tone < -20))
        return { value: -1, detail: `exposure ${fmt(exposure)} EV, tone sliders ${fmt(tone)} in total` };
      if (exposure >= 0 && tone >= 0 && (exposure > 0.1 || tone > 20))
        return { value: 1, detail: `exposure ${fmt(exposure)} EV, tone sliders ${fmt(tone)} in total` };
      return null;
    },
  },
  {
    what: "warmth",
    up: ["warmer", "warm up", "warm the", "more golden"],
    down: ["cooler", "cool down", "cool the", "colder"],
    movement: (p) => {
      const t = n(p.IncrementalTemperature);
      return Math.abs(t) >= 5 ? { value: Math.sign(t), detail: `temperature ${fmt(t)}` } : null;
    },
  },
  {
    what: "saturation",
    up: ["more colorful", "more vivid", "boost the colors", "more saturated", "saturate the", "richer colors"],
    down: ["more muted", "mute the colors", "desaturate", "less saturated", "less colorful"],
    movement: (p, params) => {
      if (params.ConvertToGrayscale === true) return { value: -1, detail: "converted to black & white" };
      const s = n(p.Saturation) + n(p.Vibrance);
      return Math.abs(s) >= 10 && n(p.Saturation) * n(p.Vibrance) >= 0
        ? { value: Math.sign(s), detail: `saturation + vibrance ${fmt(s)}` }
        : null;
    },
  },
  {
    what: "contrast",
    up: ["more contrast", "add contrast", "more contrasty", "punchier", "increase contrast"],
    down: ["flatter", "reduce contrast", "less contrast", "lower contrast"],
    movement: (p, params) => {
      // A tone curve can add contrast on its own; then the slider does not decide.
      if (params.ToneCurvePV2012 || params.ParametricLights || params.ParametricDarks) return null;
      const c = n(p.Contrast2012);
      return Math.abs(c) >= 10 ? { value: Math.sign(c), detail: `contrast ${fmt(c)}` } : null;
    },
  },
];

/** Rejects an intention that states a direction the parameter deltas clearly went against. */
export function contradictsDeltas({ params, intentions }: FilterInput): FilterReason | null {
  const p = params as Record<string, number | undefined>;
  const texts = Object.entries(intentions).map(([variant, text]) => [variant, text.toLowerCase()] as const);
  for (const claim of CLAIMS) {
    const moved = claim.movement(p, params);
    if (!moved) continue;
    const against = moved.value > 0 ? claim.down : claim.up;
    for (const [variant, text] of texts) {
      const phrase = against.find((w) => hasPhrase(text, w));
      if (phrase)
        return {
          filter: "contradicts-deltas",
          reason: `the ${variant} intention says "${phrase}" but the edit's ${claim.what} went ${moved.value > 0 ? "up" : "down"} (${moved.detail})`,
        };
    }
  }
  return null;
}

function hasPhrase(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  const before = at === 0 ? " " : text[at - 1];
  return !/[a-z]/.test(before);
}

const fmt = (v: number) => `${v > 0 ? "+" : v < 0 ? "\u2212" : ""}${Number(Math.abs(v).toFixed(2))}`;
