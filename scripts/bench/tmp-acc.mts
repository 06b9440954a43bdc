import { bakeGlobalLut } from "../../lib/develop/pipeline/lut3d";
import { applyGlobalLut } from "../../lib/develop/pipeline/apply-lut3d";
import { decodeSrgb8 } from "../../lib/develop/pipeline/decode";
import { runGlobalStages } from "../../lib/develop/pipeline/run-global";
import sharp from "sharp";
const W = 800, H = 600;
const { data } = await sharp("/tmp/skdeb/usr/lib/python3/dist-packages/skimage/data/coffee.png").removeAlpha().resize(W, H).raw().toBuffer({ resolveWithObject: true });
const image = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: W, height: H, channels: 3 as const };
const base = { whiteBalance: { temperature: 15, tint: -5 }, exposure: 0.4, tone: { contrast: 20, highlights: -30, shadows: 25, whites: 10, blacks: -10 } };
const variants: Record<string, object> = {
  none: {},
  hsl: { hsl: { hue: [5, 0, -10, 0, 0, 10, 0, 0], saturation: [10, 0, 0, -20, 0, 15, 0, 0], luminance: [0, 5, 0, 0, 0, -20, 0, 0] } },
  grading: { colorGrading: { shadows: { hue: 220, saturation: 20 }, highlights: { hue: 40, saturation: 15 } } },
  vib: { vibranceSaturation: { vibrance: 20, saturation: 5 } },
  sat: { vibranceSaturation: { saturation: 40 } },
  gray: { grayscale: { mixer: [10, 0, 0, 0, 0, -30, 0, 0] } },
};
for (const [name, v] of Object.entries(variants)) for (const size of [17, 33]) {
  const settings = { ...base, ...v, ...(name === "none" ? { hsl: { hue: [0,0,0,0,0,0,0,0] } } : {}) };
  const lut = bakeGlobalLut({ settings, size });
  const f = decodeSrgb8({ image });
  runGlobalStages({ image: f, settings });
  const o2 = applyGlobalLut({ image, lut });
  let max = 0, within = 0;
  for (let p = 0; p < W * H; p++) { let m = 0; for (let c = 0; c < 3; c++) { const e = Math.round(Math.min(1, Math.max(0, f.data[p * 3 + c])) * 255); m = Math.max(m, Math.abs(e - o2.data[p * 3 + c])); } max = Math.max(max, m); if (m <= 2) within++; }
  console.log(name, size, `max ${max} within2 ${(100 * within / (W * H)).toFixed(3)}%`);
}
