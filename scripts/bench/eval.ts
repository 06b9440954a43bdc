// Evaluation-metric benchmark: `npm run bench:eval` — L1/L2/PSNR/SSIM per item at 1600 px.
// Single thread. `pixelItemsPerS` scores decoded pixels (the eval worker holds the
// rendered output as pixels and decodes each reference once); `decodedItemsPerS`
// also decodes the reference JPEG each item. Prints a table, then one JSON line.
import sharp from "sharp";
import { computeEvalMetrics } from "../../lib/imaging/eval-metrics";
import type { RawImage } from "../../lib/imaging/raw-image";

const EDGE = 1600;
const ITEMS = Number(process.argv[2] ?? 40);
const PHOTOS = ["astronaut.jpg", "chelsea-cat.jpg", "cincinnati-bridge.jpg", "citrus-fruits.jpg"];

type Pair = { reference: RawImage; edited: RawImage; referenceJpeg: Buffer };

async function pair(name: string): Promise<Pair> {
  const base = sharp(`public/samples/${name}`).removeAlpha().resize(EDGE, Math.round((EDGE * 2) / 3), { fit: "cover" });
  const ref = await base.clone().raw().toBuffer({ resolveWithObject: true });
  const edited = await base.clone().modulate({ brightness: 1.08, saturation: 0.9 }).raw().toBuffer({ resolveWithObject: true });
  const raw = (r: typeof ref): RawImage => ({ data: new Uint8Array(r.data), width: r.info.width, height: r.info.height, channels: 3 });
  return { reference: raw(ref), edited: raw(edited), referenceJpeg: await base.clone().jpeg({ quality: 95 }).toBuffer() };
}

async function main() {
  sharp.concurrency(1);
  const pairs = await Promise.all(PHOTOS.map(pair));
  computeEvalMetrics(pairs[0]); // warm-up (JIT)

  let t = performance.now();
  let ssimSum = 0;
  for (let i = 0; i < ITEMS; i++) ssimSum += computeEvalMetrics(pairs[i % pairs.length]).ssim;
  const pixelS = (performance.now() - t) / 1000;

  t = performance.now();
  for (let i = 0; i < ITEMS; i++) {
    const p = pairs[i % pairs.length];
    const { data, info } = await sharp(p.referenceJpeg).raw().toBuffer({ resolveWithObject: true });
    computeEvalMetrics({ edited: p.edited, reference: { data, width: info.width, height: info.height, channels: 3 } });
  }
  const decodedS = (performance.now() - t) / 1000;

  const { width, height } = pairs[0].reference;
  const result = {
    bench: "eval",
    size: `${width}x${height}`,
    items: ITEMS,
    pixelItemsPerS: Number((ITEMS / pixelS).toFixed(2)),
    pixelMsPerItem: Number(((pixelS * 1000) / ITEMS).toFixed(1)),
    decodedItemsPerS: Number((ITEMS / decodedS).toFixed(2)),
    meanSsim: Number((ssimSum / ITEMS).toFixed(4)),
  };
  console.log(`metrics (L1, L2, PSNR, SSIM) at ${result.size}: ${result.pixelItemsPerS} items/s (${result.pixelMsPerItem} ms/item)`);
  console.log(`with reference JPEG decode: ${result.decodedItemsPerS} items/s`);
  console.log(JSON.stringify(result));
}

await main();
