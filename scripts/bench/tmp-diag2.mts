import { planRender } from "../../lib/develop/pipeline/plan-render";
import { bakeGlobalLut } from "../../lib/develop/pipeline/lut3d";
import { applyGlobalLut } from "../../lib/develop/pipeline/apply-lut3d";
import { decodeSrgb8 } from "../../lib/develop/pipeline/decode";
import { runGlobalStages, runSeparableStages } from "../../lib/develop/pipeline/run-global";
import { randomParams } from "../../lib/develop/params";
import sharp from "sharp";
const { data, info } = await sharp("public/samples/coffee.jpg").removeAlpha().resize(400).raw().toBuffer({ resolveWithObject: true });
const image = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: 3 as const };
const plan = planRender(randomParams({ seed: 0, density: 0.3, corrections: false }));
const s: any = { ...plan.global, colorGrading: null, vibranceSaturation: null, grayscale: null };
console.log(JSON.stringify(s.hsl), JSON.stringify(s.curves), s.tone, s.whiteBalance);
const lut = bakeGlobalLut({ settings: s, size: 33 });
const f = decodeSrgb8({ image }); runGlobalStages({ image: f, settings: s });
const g = decodeSrgb8({ image }); runSeparableStages({ image: g, settings: s });
const o = applyGlobalLut({ image, lut });
let shown = 0;
for (let q = 0; q < image.width * image.height && shown < 15; q++) { let m = 0; for (let c = 0; c < 3; c++) m = Math.max(m, Math.abs(Math.round(Math.min(1, Math.max(0, f.data[q * 3 + c])) * 255) - o.data[q * 3 + c])); if (m > 3) { shown++; console.log([...image.data.subarray(q*3,q*3+3)], [...g.data.subarray(q*3,q*3+3)].map(v=>(v*255).toFixed(1)), [...f.data.subarray(q*3,q*3+3)].map(v=>(v*255).toFixed(1)), [...o.data.subarray(q*3,q*3+3)]); } }
