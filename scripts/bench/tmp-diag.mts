import { planRender } from "../../lib/develop/pipeline/plan-render";
import { bakeGlobalLut } from "../../lib/develop/pipeline/lut3d";
import { applyGlobalLut } from "../../lib/develop/pipeline/apply-lut3d";
import { decodeSrgb8 } from "../../lib/develop/pipeline/decode";
import { runGlobalStages } from "../../lib/develop/pipeline/run-global";
import { randomParams } from "../../lib/develop/params";
import sharp from "sharp";
const { data, info } = await sharp("public/samples/coffee.jpg").removeAlpha().resize(400).raw().toBuffer({ resolveWithObject: true });
const image = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: 3 as const };
for (const seed of [0, 1, 6, 18, 16, 20]) {
  const plan = planRender(randomParams({ seed, density: 0.3, corrections: false }));
  const res: string[] = [];
  for (const only of ["all", "hsl", "colorGrading", "vibranceSaturation", "grayscale"]) {
    const s: any = { ...plan.global };
    if (only !== "all") for (const k of ["hsl", "colorGrading", "vibranceSaturation", "grayscale"]) if (k !== only) s[k] = null;
    if (only !== "all" && !s[only]) continue;
    const lut = bakeGlobalLut({ settings: s, size: 33 });
    const f = decodeSrgb8({ image }); runGlobalStages({ image: f, settings: s });
    const o = applyGlobalLut({ image, lut });
    let ok = 0; const n = image.width * image.height;
    for (let q = 0; q < n; q++) { let m = 0; for (let c = 0; c < 3; c++) m = Math.max(m, Math.abs(Math.round(Math.min(1, Math.max(0, f.data[q * 3 + c])) * 255) - o.data[q * 3 + c])); if (m <= 2) ok++; }
    res.push(`${only}:${(100 * ok / n).toFixed(2)}`);
  }
  console.log(seed, res.join(" "));
}
