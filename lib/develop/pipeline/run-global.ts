import { applyColorGrading } from "./color-grading";
import { applyCurves } from "./curves";
import { applyExposure } from "./exposure";
import type { GlobalSettings } from "./global-settings";
import { applyGrayscale } from "./grayscale";
import { applyHsl } from "./hsl";
import { applyPointColor } from "./point-color";
import { applyTone, makeTonePost, makeTonePre } from "./tone";
import type { FloatImage } from "./types";
import { applyVibranceSaturation } from "./vibrance-saturation";
import { applyWhiteBalance } from "./white-balance";

/**
 * The separable head of the global pipeline on a linear image, in place:
 * white balance → exposure (linear light) → tone (linear → display-encoded, clipped to [0, 1]) → curves.
 * Returns display-encoded values.
 */
export function runSeparableStages({ image, settings, toneDelta, stop }: SeparableRun): FloatImage {
  const buf = image.data;
  const tone = settings.tone ?? {};
  if (stop === "post") {
    const post = makeTonePost(tone);
    for (let i = 0; i < buf.length; i++) buf[i] = post(buf[i]);
  } else {
    if (settings.whiteBalance) applyWhiteBalance({ image, out: buf, ...settings.whiteBalance });
    if (settings.exposure) applyExposure({ image, out: buf, ev: settings.exposure });
    if (stop === "pre") {
      const pre = makeTonePre(tone);
      for (let i = 0; i < buf.length; i++) buf[i] = pre(buf[i]);
      return image;
    }
    applyTone({ image, out: buf, ...tone, delta: settings.toneRegions ? toneDelta : null });
  }
  if (settings.curves) applyCurves({ image, out: buf, ...settings.curves });
  return image;
}

/**
 * Input of {@link runSeparableStages}. `toneDelta`: the per-pixel Highlights/Shadows lift of the
 * tone regions (used when `settings.toneRegions`; without it the lift is the per-value curve).
 * `stop`: "pre" runs WB → exposure → levels/encode only (linear in, display out, unclipped);
 * "post" runs clip → contrast → curves only (display in and out). Both serve the LUT bake.
 */
type SeparableRun = { image: FloatImage; settings: GlobalSettings; toneDelta?: Float32Array | null; stop?: "pre" | "post" };

/**
 * The channel-mixing tail on a display-encoded image, in place:
 * HSL → point colour → colour grading → vibrance/saturation → black & white.
 */
export function runColorStages({ image, settings }: { image: FloatImage; settings: GlobalSettings }): FloatImage {
  const buf = image.data;
  if (settings.hsl) applyHsl({ image, out: buf, ...settings.hsl });
  if (settings.pointColor) applyPointColor({ image, out: buf, ...settings.pointColor });
  if (settings.colorGrading) applyColorGrading({ image, out: buf, ...settings.colorGrading });
  if (settings.vibranceSaturation) applyVibranceSaturation({ image, out: buf, ...settings.vibranceSaturation });
  if (settings.grayscale) applyGrayscale({ image, out: buf, ...settings.grayscale });
  return image;
}

/** The whole global pipeline in float (the exact path): linear image in, display-encoded out, in place. */
export function runGlobalStages({
  image,
  settings,
  toneDelta,
}: {
  image: FloatImage;
  settings: GlobalSettings;
  toneDelta?: Float32Array | null;
}): FloatImage {
  runSeparableStages({ image, settings, toneDelta });
  return runColorStages({ image, settings });
}
