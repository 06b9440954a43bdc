import { renderImage } from "../../lib/develop/render";
import { randomParams, PARAM_SPECS } from "../../lib/develop/params";
import sharp from "sharp";
const { data, info } = await sharp("public/samples/coffee.jpg").removeAlpha().resize(400).raw().toBuffer({ resolveWithObject: true });
const image = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: 3 as const };
const spatialGroups = new Set(["presence", "vignette", "grain", "detail"]);
for (const spatial of [false, true]) for (let s = 0; s < 30; s++) {
  const p: Record<string, unknown> = randomParams({ seed: s, density: 0.3, corrections: spatial });
  if (!spatial) for (const k of Object.keys(p)) if (spatialGroups.has((PARAM_SPECS as any)[k]?.group) && !["Vibrance", "Saturation"].includes(k)) delete p[k];
  for (const size of [17, 33]) {
    const r = renderImage({ image, params: p as any, options: { gridSize: size } }); const e = renderImage({ image, params: p as any, options: { exact: true } });
    let max = 0, ok = 0; const n = image.width * image.height;
    for (let q = 0; q < n; q++) { let m = 0; for (let c = 0; c < 3; c++) m = Math.max(m, Math.abs(r.image.data[q * 3 + c] - e.image.data[q * 3 + c])); max = Math.max(max, m); if (m <= 2) ok++; }
    if (ok / n < 0.999) console.log(spatial ? "spatial" : "global", s, size, "max", max, "within2", (100 * ok / n).toFixed(3), Object.keys(p).join(","));
  }
}
