import { assertSameSize, rgbOffsets } from "./assert-same-size";
import type { RawImage } from "./raw-image";
import { srgbToLab } from "./srgb-to-lab";

/**
 * Mean CIE76 colour difference ΔE*ab between two same-size 8-bit sRGB images
 * (sRGB → XYZ → L*a*b*, D65). Roughly: < 1 invisible, 2–3 just noticeable
 * side by side, > 10 clearly different colours. Alpha is ignored.
 */
export function meanDeltaE76({ edited, reference }: { edited: RawImage; reference: RawImage }): number {
  assertSameSize(edited, reference);
  const a = edited.data;
  const b = reference.data;
  const ca = edited.channels;
  const cb = reference.channels;
  const [ar, ag, ab] = rgbOffsets(edited);
  const [br, bg, bb] = rgbOffsets(reference);
  const pixels = edited.width * edited.height;
  const labA = new Float64Array(3);
  const labB = new Float64Array(3);

  let sum = 0;
  for (let p = 0; p < pixels; p++) {
    const ia = p * ca;
    const ib = p * cb;
    srgbToLab(a[ia + ar], a[ia + ag], a[ia + ab], labA);
    srgbToLab(b[ib + br], b[ib + bg], b[ib + bb], labB);
    const dl = labA[0] - labB[0];
    const da = labA[1] - labB[1];
    const db = labA[2] - labB[2];
    sum += Math.sqrt(dl * dl + da * da + db * db);
  }
  return pixels === 0 ? 0 : sum / pixels;
}
