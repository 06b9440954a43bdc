import { renderImage } from "../../lib/develop/render";
import { randomParams } from "../../lib/develop/params";
import sharp from "sharp";
const W = 4000, H = 3000;
const { data } = await sharp("/tmp/skdeb/usr/lib/python3/dist-packages/skimage/data/coffee.png").removeAlpha().resize(W, H).raw().toBuffer({ resolveWithObject: true });
const image = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: W, height: H, channels: 3 as const };
const params = { Clarity2012: 30, Exposure2012: 0.3, MaskGroupBasedCorrections: [{ CorrectionAmount: 1, LocalExposure2012: 0.1, CorrectionMasks: [{ What: "Mask/CircularGradient" as const, Top: 0.2, Left: 0.2, Bottom: 0.8, Right: 0.8, Feather: 0.5 }] }] };
for (let k = 0; k < 2; k++) { const t = performance.now(); const r = renderImage({ image, params }); console.log("clarity+radial", (performance.now() - t).toFixed(0), "ms", r.report); }
for (let s = 0; s < 5; s++) { const p = randomParams({ seed: s, density: 0.3 }); const small = { ...image, data: image.data.subarray(0, 300 * 200 * 3), width: 300, height: 200 }; const t = performance.now(); const r = renderImage({ image: small, params: p }); const e = renderImage({ image: small, params: p, options: { exact: true } }); let max = 0; for (let i = 0; i < r.image.data.length; i++) max = Math.max(max, Math.abs(r.image.data[i] - e.image.data[i])); console.log(s, (performance.now() - t).toFixed(0), "ms max", max, JSON.stringify(r.report.notRendered).slice(0, 200)); }
