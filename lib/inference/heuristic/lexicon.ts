import type { DevelopParams } from "@/lib/develop/params";
import type { Dimension, Look } from "./look";

// The heuristic backend's documented vocabulary. Each entry lists the phrases
// that trigger it (matched whole-word, longest phrase first, case-insensitive),
// the perceptual move it asks for (used by the reward and judge roles to score
// a measured change) and the develop parameters the policy applies for it,
// sized by the image's own statistics so a dark photo gets more exposure than
// a bright one. `opposite` is used when a phrase is negated ("less warm").

/** One vocabulary entry. */
export type LexiconEntry = {
  id: string;
  phrases: readonly string[];
  /** Desired direction per dimension: +1 up, −1 down; larger weights matter more. */
  moves: Partial<Record<Dimension, number>>;
  /** Develop parameters for this move on an image that looks like `look`, at `strength` (1 = normal). */
  edit: (look: Look, strength: number) => DevelopParams;
  opposite?: string;
  /** Converts to black & white: the saturation move is total. */
  grayscale?: boolean;
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const r = (v: number, d = 0) => Number(v.toFixed(d));

/** The vocabulary, in no particular order (matching sorts phrases by length). */
export const LEXICON: readonly LexiconEntry[] = [
  {
    id: "brighter",
    phrases: [
      "brighter",
      "brighten",
      "brighten up",
      "lighter",
      "lighten",
      "more light",
      "raise exposure",
      "increase exposure",
      "more exposure",
      "less dark",
      "bright",
    ],
    moves: { brightness: 1 },
    opposite: "darker",
    edit: (l, s) => ({
      Exposure2012: r(clamp(0.3 + (0.45 - l.brightness) * 2, 0.25, 1.5) * s, 2),
      ...(l.highlights > 0.85 ? { Highlights2012: r(-25 * s) } : {}),
    }),
  },
  {
    id: "darker",
    phrases: ["darker", "darken", "dimmer", "lower exposure", "reduce exposure", "less exposure", "underexpose", "less bright", "dark"],
    moves: { brightness: -1 },
    opposite: "brighter",
    edit: (l, s) => ({ Exposure2012: r(-clamp(0.3 + (l.brightness - 0.35) * 2, 0.25, 1.2) * s, 2) }),
  },
  {
    id: "warmer",
    phrases: ["warmer", "warm", "warm up", "golden", "sunnier", "cozier", "more yellow", "less blue"],
    moves: { warmth: 1 },
    opposite: "cooler",
    edit: (l, s) => ({ IncrementalTemperature: r(clamp(22 - l.warmth * 0.8, 10, 40) * s) }),
  },
  {
    id: "cooler",
    phrases: ["cooler", "cool", "cool down", "colder", "bluer", "more blue", "icy", "less yellow"],
    moves: { warmth: -1 },
    opposite: "warmer",
    edit: (l, s) => ({ IncrementalTemperature: r(-clamp(22 + l.warmth * 0.8, 10, 40) * s) }),
  },
  {
    id: "more-contrast",
    phrases: [
      "more contrast",
      "higher contrast",
      "increase contrast",
      "increase the contrast",
      "add contrast",
      "stronger contrast",
      "boost contrast",
      "boost the contrast",
      "contrasty",
      "contrast",
    ],
    moves: { contrast: 1 },
    opposite: "less-contrast",
    edit: (l, s) => ({ Contrast2012: r(clamp(30 + (0.22 - l.contrast) * 150, 20, 60) * s) }),
  },
  {
    id: "less-contrast",
    phrases: [
      "less contrast",
      "lower contrast",
      "reduce contrast",
      "reduce the contrast",
      "lower the contrast",
      "flatter",
      "flat",
      "matte",
      "faded",
      "softer contrast",
    ],
    moves: { contrast: -1 },
    opposite: "more-contrast",
    edit: (l, s) => ({ Contrast2012: r(-clamp(25 + (l.contrast - 0.18) * 150, 15, 50) * s) }),
  },
  {
    id: "saturate",
    phrases: [
      "more saturated",
      "more saturation",
      "saturate",
      "saturated",
      "more colorful",
      "more colourful",
      "richer colors",
      "richer colours",
      "boost colors",
      "boost the colors",
      "more vibrant",
      "vibrant",
      "vivid",
      "colorful",
    ],
    moves: { saturation: 1 },
    opposite: "desaturate",
    edit: (l, s) => ({ Vibrance: r(25 * s), Saturation: r(clamp(10 + (25 - l.saturation) * 0.5, 5, 25) * s) }),
  },
  {
    id: "desaturate",
    phrases: [
      "desaturate",
      "desaturated",
      "less saturated",
      "less saturation",
      "reduce saturation",
      "muted",
      "mute the colors",
      "subdued",
      "washed out",
      "less colorful",
      "less colourful",
    ],
    moves: { saturation: -1 },
    opposite: "saturate",
    edit: (l, s) => ({ Saturation: r(-clamp(25 + l.saturation * 0.5, 25, 55) * s) }),
  },
  {
    id: "black-and-white",
    phrases: ["black and white", "black & white", "b&w", "b/w", "monochrome", "grayscale", "greyscale", "monochromatic"],
    moves: { saturation: -2 },
    grayscale: true,
    edit: (_l, s) => ({ ConvertToGrayscale: true, Contrast2012: r(10 * s) }),
  },
  {
    id: "punchy",
    phrases: ["punchy", "punchier", "pop", "more pop", "more punch", "dramatic", "bold"],
    moves: { contrast: 1, saturation: 0.7 },
    opposite: "airy",
    edit: (l, s) => ({ Contrast2012: r(clamp(30 + (0.22 - l.contrast) * 100, 20, 45) * s), Vibrance: r(25 * s), Clarity2012: r(15 * s) }),
  },
  {
    id: "moody",
    phrases: ["moody", "moodier", "darker mood", "gloomy", "somber", "sombre", "brooding"],
    moves: { brightness: -1, contrast: 0.5, saturation: -0.7 },
    opposite: "airy",
    edit: (l, s) => ({
      Exposure2012: r(-clamp(0.2 + (l.brightness - 0.35), 0.2, 0.7) * s, 2),
      Contrast2012: r(20 * s),
      Saturation: r(-20 * s),
      Highlights2012: r(-20 * s),
      PostCropVignetteAmount: r(-20 * s),
    }),
  },
  {
    id: "airy",
    phrases: ["airy", "airier", "light and airy", "bright and airy", "ethereal"],
    moves: { brightness: 1, contrast: -0.5 },
    opposite: "moody",
    edit: (l, s) => ({
      Exposure2012: r(clamp(0.3 + (0.5 - l.brightness), 0.2, 0.9) * s, 2),
      Contrast2012: r(-15 * s),
      Shadows2012: r(30 * s),
    }),
  },
  {
    id: "lift-shadows",
    phrases: [
      "lift the shadows",
      "lift shadows",
      "open up the shadows",
      "open the shadows",
      "brighten the shadows",
      "brighter shadows",
      "recover shadows",
      "shadow detail",
      "lighter shadows",
    ],
    moves: { shadows: 1 },
    opposite: "deepen-shadows",
    edit: (l, s) => ({ Shadows2012: r(clamp(35 + (0.1 - l.shadows) * 200, 20, 70) * s) }),
  },
  {
    id: "deepen-shadows",
    phrases: [
      "deepen the shadows",
      "deeper shadows",
      "darker shadows",
      "crush the blacks",
      "crush blacks",
      "richer blacks",
      "deeper blacks",
    ],
    moves: { shadows: -1 },
    opposite: "lift-shadows",
    edit: (_l, s) => ({ Shadows2012: r(-30 * s), Blacks2012: r(-20 * s) }),
  },
  {
    id: "recover-highlights",
    phrases: [
      "recover the highlights",
      "recover highlights",
      "tame the highlights",
      "tame highlights",
      "reduce highlights",
      "darker highlights",
      "less blown",
      "softer highlights",
    ],
    moves: { highlights: -1 },
    opposite: "brighter-highlights",
    edit: (l, s) => ({ Highlights2012: r(-clamp(35 + (l.highlights - 0.85) * 200, 25, 80) * s), Whites2012: r(-10 * s) }),
  },
  {
    id: "brighter-highlights",
    phrases: ["brighter highlights", "boost the highlights", "boost highlights", "brighten the highlights"],
    moves: { highlights: 1 },
    opposite: "recover-highlights",
    edit: (_l, s) => ({ Highlights2012: r(25 * s), Whites2012: r(20 * s) }),
  },
  {
    id: "sharper",
    phrases: [
      "sharper",
      "sharpen",
      "crisper",
      "crisp",
      "crisper detail",
      "more detail",
      "more clarity",
      "clarity",
      "more texture",
      "clearer",
    ],
    moves: { detail: 1 },
    opposite: "softer",
    edit: (_l, s) => ({ Clarity2012: r(30 * s), Texture: r(25 * s) }),
  },
  {
    id: "softer",
    phrases: ["softer", "soften", "dreamy", "dreamier", "smoother", "less detail", "less clarity", "glow"],
    moves: { detail: -1 },
    opposite: "sharper",
    edit: (_l, s) => ({ Clarity2012: r(-25 * s), Texture: r(-20 * s) }),
  },
  {
    id: "more-magenta",
    phrases: ["more magenta", "less green", "pinker", "remove the green cast", "remove green cast"],
    moves: { tint: 1 },
    opposite: "greener",
    edit: (l, s) => ({ IncrementalTint: r(clamp(12 - l.tint, 5, 30) * s) }),
  },
  {
    id: "greener",
    phrases: ["greener", "more green", "less magenta", "remove the magenta cast", "remove magenta cast"],
    moves: { tint: -1 },
    opposite: "more-magenta",
    edit: (l, s) => ({ IncrementalTint: r(-clamp(12 + l.tint, 5, 30) * s) }),
  },
];

/** Words that scale every move in an instruction. */
export const INTENSIFIERS: readonly { phrases: readonly string[]; factor: number }[] = [
  { phrases: ["slightly", "a bit", "a little", "a touch", "subtly", "subtle", "gently", "mildly", "somewhat"], factor: 0.5 },
  { phrases: ["much", "very", "a lot", "strongly", "significantly", "dramatically", "way", "heavily", "really"], factor: 1.5 },
];

/** Words that, just before a phrase, turn it into its opposite ("less warm", "not so bright"). */
export const NEGATIONS: readonly string[] = ["less", "not", "no", "without", "reduce", "lower", "decrease", "avoid", "not so", "not too"];

/** The phrase the annotator writes for a move on each dimension (these are lexicon phrases, so the roles agree). */
export const DIMENSION_WORDS: Record<Dimension, { up: string; down: string }> = {
  brightness: { up: "brighter", down: "darker" },
  contrast: { up: "more contrast", down: "less contrast" },
  warmth: { up: "warmer", down: "cooler" },
  tint: { up: "more magenta", down: "greener" },
  saturation: { up: "more saturated", down: "less saturated" },
  detail: { up: "crisper", down: "softer" },
  shadows: { up: "lift the shadows", down: "deepen the shadows" },
  highlights: { up: "brighter highlights", down: "recover the highlights" },
};
