import { HSL_BANDS } from "../develop/params";
import type { DevelopParams, ParamKey } from "../develop/params";
import { diffParams } from "./diff-params";
import type { ParamChange } from "./diff-params";

// Plain-English summary of an edit, e.g. "+0.9 EV exposure, −30 contrast, warmer by 15". Uses the
// Unicode minus sign. Many small changes in one panel (HSL, colour grading, curves) collapse into
// one phrase so the sentence stays readable.

/** Plain-English description of how `b` differs from `a`; "no change" when they render the same. */
export function describeDiff(a: DevelopParams, b: DevelopParams): string {
  return describeChanges(diffParams(a, b));
}

/** Plain-English description of an edit applied to an unedited image. */
export function describeEdit(params: DevelopParams): string {
  return describeDiff({}, params);
}

const LABELS: Partial<Record<ParamKey, string>> = {
  Contrast2012: "contrast",
  Highlights2012: "highlights",
  Shadows2012: "shadows",
  Whites2012: "whites",
  Blacks2012: "blacks",
  Texture: "texture",
  Clarity2012: "clarity",
  Dehaze: "dehaze",
  Vibrance: "vibrance",
  Saturation: "saturation",
  PostCropVignetteAmount: "vignette",
  GrainAmount: "grain",
  Sharpness: "sharpening",
  LuminanceSmoothing: "noise reduction",
  ColorNoiseReduction: "color noise reduction",
};

/** Collapsed groups: phrase used once for any number of changed keys matching the pattern. */
const GROUPS: Array<{ test: RegExp; phrase: (n: number) => string }> = [
  { test: /^Parametric/, phrase: () => "parametric curve adjusted" },
  { test: /^ToneCurvePV2012$/, phrase: () => "tone curve adjusted" },
  { test: /^ToneCurvePV2012(Red|Green|Blue)$/, phrase: (n) => (n === 1 ? "one channel curve adjusted" : `${n} channel curves adjusted`) },
  { test: /^(SplitToning|ColorGrade)/, phrase: () => "color grading adjusted" },
  { test: /^GrayMixer/, phrase: () => "black & white mix adjusted" },
  { test: /^PostCropVignette(?!Amount)/, phrase: () => "vignette shape adjusted" },
  { test: /^Grain(Size|Frequency)$/, phrase: () => "grain character adjusted" },
  { test: /^Sharpen/, phrase: () => "sharpening detail adjusted" },
  { test: /^(Red|Green|Blue)(Hue|Saturation)$|^ShadowTint$/, phrase: () => "calibration adjusted" },
];

/** Order of phrases: what a reader notices first. */
const ORDER = [
  "Exposure2012",
  "Contrast2012",
  "Highlights2012",
  "Shadows2012",
  "Whites2012",
  "Blacks2012",
  "IncrementalTemperature",
  "Temperature",
  "IncrementalTint",
  "Tint",
];

/** Describes a list of changes (from `diffParams`). */
export function describeChanges(changes: ParamChange[]): string {
  const sorted = [...changes].sort((x, y) => rank(x.key) - rank(y.key));
  const hsl = sorted.filter((c) => HSL_KEY.test(c.key));
  // A string is a finished phrase; a number is a collapsed group (HSL_GROUP or an index of GROUPS).
  const items: Array<string | number> = [];
  const counts = new Map<number, number>();
  for (const change of sorted) {
    const g = HSL_KEY.test(change.key) ? HSL_GROUP : GROUPS.findIndex((group) => group.test.test(change.key));
    if (g === -1) {
      const phrase = describeOne(change);
      if (phrase) items.push(phrase);
      continue;
    }
    if (!counts.has(g)) items.push(g);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const text = items.map((item) => {
    if (typeof item === "string") return item;
    return item === HSL_GROUP ? describeHsl(hsl) : GROUPS[item].phrase(counts.get(item) ?? 1);
  });
  return text.length > 0 ? text.join(", ") : "no change";
}

const HSL_KEY = /^(Hue|Saturation|Luminance)Adjustment/;
const HSL_GROUP = -2;

function rank(key: string): number {
  const i = ORDER.indexOf(key);
  if (i >= 0) return i;
  return key === "MaskGroupBasedCorrections" ? 1000 : 100;
}

function describeOne(change: ParamChange): string | undefined {
  const { key, delta } = change;
  if (key === "MaskGroupBasedCorrections") return change.summary;
  if (key === "Exposure2012") return `${signed(delta ?? 0)} EV exposure`;
  if (key === "IncrementalTemperature" || key === "Temperature") {
    const unit = key === "Temperature" ? " K" : "";
    return (delta ?? 0) > 0 ? `warmer by ${abs(delta)}${unit}` : `cooler by ${abs(delta)}${unit}`;
  }
  if (key === "IncrementalTint" || key === "Tint") return (delta ?? 0) > 0 ? `more magenta by ${abs(delta)}` : `greener by ${abs(delta)}`;
  if (key === "ConvertToGrayscale") return change.to ? "converted to black & white" : "converted back to color";
  if (key === "WhiteBalance") return `white balance set to ${String(change.to)}`;
  if (key === "ToneCurveName2012") return undefined;
  const label = LABELS[key];
  if (label && delta !== undefined) return `${signed(delta)} ${label}`;
  return `${key} changed`;
}

function describeHsl(changes: ParamChange[]): string {
  if (changes.length > 3) {
    const bands = new Set(changes.map((c) => HSL_BANDS.find((b) => c.key.endsWith(b))));
    return `HSL adjusted in ${bands.size} color band${bands.size === 1 ? "" : "s"}`;
  }
  return changes
    .map((c) => {
      const m = /^(Hue|Saturation|Luminance)Adjustment(\w+)$/.exec(c.key);
      const what = m ? m[1].toLowerCase() : c.key;
      return `${signed(c.delta ?? 0)} ${m ? m[2].toLowerCase() : ""} ${what}`.replace(/\s+/g, " ");
    })
    .join(", ");
}

/** "+0.9", "−30", "0" with a Unicode minus and no trailing zeros. */
function signed(v: number): string {
  const text = String(Number(v.toFixed(2)));
  if (v > 0) return `+${text}`;
  return v < 0 ? `\u2212${text.slice(1)}` : "0";
}

function abs(v: number | undefined): string {
  return String(Number(Math.abs(v ?? 0).toFixed(2)));
}
