import { bakeGlobalLut } from "../../lib/develop/pipeline/lut3d";
import { applyGlobalLut } from "../../lib/develop/pipeline/apply-lut3d";
import { decodeSrgb8 } from "../../lib/develop/pipeline/decode";
import { runGlobalStages } from "../../lib/develop/pipeline/run-global";
import sharp from "sharp";
const W = 4000, H = 3000;
const { data } = await sharp("/tmp/skdeb/usr/lib/python3/dist-packages/skimage/data/coffee.png").removeAlpha().resize(W, H).raw().toBuffer({ resolveWithObject: true });
const image = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: W, height: H, channels: 3 as const };
const settings = {
  whiteBalance: { temperature: 15, tint: -5 }, exposure: 0.4,
  tone: { contrast: 20, highlights: -30, shadows: 25, whites: 10, blacks: -10 },
  curves: { master: [[0, 0], [64, 56], [128, 128], [192, 200], [255, 255]] as [number, number][] },
  hsl: { hue: [5, 0, -10, 0, 0, 10, 0, 0], saturation: [10, 0, 0, -20, 0, 15, 0, 0], luminance: [0, 5, 0, 0, 0, -20, 0, 0] },
  colorGrading: { shadows: { hue: 220, saturation: 20 }, highlights: { hue: 40, saturation: 15 } },
  vibranceSaturation: { vibrance: 20, saturation: 5 },
};
for (const size of [17, 33]) {
  let t = performance.now();
  const lut = bakeGlobalLut({ settings, size });
  const bake = performance.now() - t;
  const out = new Uint8Array(W * H * 3);
  applyGlobalLut({ image, lut, out });
  const times = [];
  for (let k = 0; k < 4; k++) { t = performance.now(); applyGlobalLut({ image, lut, out }); times.push(performance.now() - t); }
  const best = Math.min(...times);
  console.log(`grid ${size}: bake ${bake.toFixed(1)} ms, apply ${best.toFixed(0)} ms = ${(W * H / best / 1000).toFixed(1)} Mpix/s`);
  // accuracy on a crop
  const cw = 1000, ch = 1000;
  const crop = { data: image.data.subarray(0, cw * ch * 3), width: cw, height: ch, channels: 3 as const };
  const f = decodeSrgb8({ image: crop });
  runGlobalStages({ image: f, settings });
  const o2 = applyGlobalLut({ image: crop, lut });
  let max = 0, within = 0;
  for (let p = 0; p < cw * ch; p++) { let m = 0; for (let c = 0; c < 3; c++) { const e = Math.round(Math.min(1, Math.max(0, f.data[p * 3 + c])) * 255); m = Math.max(m, Math.abs(e - o2.data[p * 3 + c])); } max = Math.max(max, m); if (m <= 2) within++; }
  console.log(`  max diff ${max}, within2 ${(100 * within / (cw * ch)).toFixed(3)}%`);
}
const t0 = performance.now(); const cp = new Uint8Array(image.data); console.log("copy ms", (performance.now() - t0).toFixed(1), cp.length);
