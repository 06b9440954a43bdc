import { applyColorGrading } from "./color-grading";
import { applyCurves } from "./curves";
import { applyExposure } from "./exposure";
import type { GlobalSettings } from "./global-settings";
import { applyGrayscale } from "./grayscale";
import { applyHsl } from "./hsl";
import { applyTone } from "./tone";
import type { FloatImage } from "./types";
import { applyVibranceSaturation } from "./vibrance-saturation";
import { applyWhiteBalance } from "./white-balance";

/**
 * The separable head of the global pipeline on a linear image, in place:
 * white balance → exposure (linear light) → tone (linear → display-encoded, clipped to [0, 1]) → curves.
 * Returns display-encoded values.
 */
export function runSeparableStages({ image, settings }: { image: FloatImage; settings: GlobalSettings }): FloatImage {
  const buf = image.data;
  if (settings.whiteBalance) applyWhiteBalance({ image, out: buf, ...settings.whiteBalance });
  if (settings.exposure) applyExposure({ image, out: buf, ev: settings.exposure });
  applyTone({ image, out: buf, ...(settings.tone ?? {}) });
  if (settings.curves) applyCurves({ image, out: buf, ...settings.curves });
  return image;
}

/**
 * The channel-mixing tail on a display-encoded image, in place:
 * HSL → colour grading → vibrance/saturation → black & white.
 */
export function runColorStages({ image, settings }: { image: FloatImage; settings: GlobalSettings }): FloatImage {
  const buf = image.data;
  if (settings.hsl) applyHsl({ image, out: buf, ...settings.hsl });
  if (settings.colorGrading) applyColorGrading({ image, out: buf, ...settings.colorGrading });
  if (settings.vibranceSaturation) applyVibranceSaturation({ image, out: buf, ...settings.vibranceSaturation });
  if (settings.grayscale) applyGrayscale({ image, out: buf, ...settings.grayscale });
  return image;
}

/** The whole global pipeline in float (the exact path): linear image in, display-encoded out, in place. */
export function runGlobalStages({ image, settings }: { image: FloatImage; settings: GlobalSettings }): FloatImage {
  runSeparableStages({ image, settings });
  return runColorStages({ image, settings });
}
