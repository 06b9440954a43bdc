import { rgbOffsets } from "./assert-same-size";
import type { RawImage } from "./raw-image";

/**
 * Box-filter (area average) an image to RGB with its long edge at most
 * `maxEdge`; smaller images are only repacked to 3 channels. Pure JS and
 * synchronous, for statistics where exact resampling does not matter.
 */
export function downsampleBox(image: RawImage, maxEdge: number): RawImage {
  const { width, height, channels, data } = image;
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  const outW = Math.max(1, Math.round(width * scale));
  const outH = Math.max(1, Math.round(height * scale));
  const [ro, go, bo] = rgbOffsets(image);
  const out = new Uint8Array(outW * outH * 3);

  for (let oy = 0; oy < outH; oy++) {
    const y0 = Math.floor((oy * height) / outH);
    const y1 = Math.max(y0 + 1, Math.floor(((oy + 1) * height) / outH));
    for (let ox = 0; ox < outW; ox++) {
      const x0 = Math.floor((ox * width) / outW);
      const x1 = Math.max(x0 + 1, Math.floor(((ox + 1) * width) / outW));
      let r = 0,
        g = 0,
        b = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0, i = (y * width + x0) * channels; x < x1; x++, i += channels) {
          r += data[i + ro];
          g += data[i + go];
          b += data[i + bo];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (oy * outW + ox) * 3;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
    }
  }
  return { data: out, width: outW, height: outH, channels: 3 };
}
