// Evaluation-metric benchmark: `npm run bench:eval [items]` — L1/L2/PSNR/SSIM per item at 1600 px.
// `pixelItemsPerS`: pairs of already-decoded pixels scored through the metrics pool (one worker
// thread per core, as the eval worker does; the copy of both images to the thread is timed, JPEG
// decoding is not); `singleThreadItemsPerS`: the same on the main thread (no copy, no decode);
// `decodedItemsPerS`: single thread, decoding the reference JPEG each item too; `sweepMsPerItem`:
// the plain-JS sweep (the reference) against the WebAssembly kernel computeEvalMetrics uses,
// alternated in rounds on the main thread so machine load affects both alike (medians). The
// JSON's `timed` says the same.
// Prints a table, then one JSON object as the last line.
import { availableParallelism } from "node:os";
import sharp from "sharp";
import { computeEvalMetrics } from "../../lib/imaging/eval-metrics";
import { sweepEvalJs } from "../../lib/imaging/eval-sweep-js";
import { sweepEvalWasm } from "../../lib/imaging/eval-sweep-wasm";
import { createMetricsPool } from "../../lib/imaging/metrics-pool";
import type { RawImage } from "../../lib/imaging/raw-image";

const EDGE = 1600;
const ITEMS = Number(process.argv[2] ?? 40);
const AB_ROUNDS = 5;
const PHOTOS = ["astronaut.jpg", "chelsea-cat.jpg", "cincinnati-bridge.jpg", "citrus-fruits.jpg"];

type Pair = { reference: RawImage; edited: RawImage; referenceJpeg: Buffer };

async function pair(name: string): Promise<Pair> {
  const base = sharp(`public/samples/${name}`)
    .removeAlpha()
    .resize(EDGE, Math.round((EDGE * 2) / 3), { fit: "cover" });
  const ref = await base.clone().raw().toBuffer({ resolveWithObject: true });
  const edited = await base.clone().modulate({ brightness: 1.08, saturation: 0.9 }).raw().toBuffer({ resolveWithObject: true });
  const raw = (r: typeof ref): RawImage => ({ data: new Uint8Array(r.data), width: r.info.width, height: r.info.height, channels: 3 });
  return { reference: raw(ref), edited: raw(edited), referenceJpeg: await base.clone().jpeg({ quality: 95 }).toBuffer() };
}

const seconds = async (fn: () => unknown) => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main() {
  const pairs = await Promise.all(PHOTOS.map(pair));
  const threads = availableParallelism();
  const pool = createMetricsPool({ size: threads });
  await Promise.all(Array.from({ length: threads }, () => pool.score(pairs[0]))); // warm-up (thread start, JIT)
  computeEvalMetrics(pairs[0]);

  let ssimSum = 0;
  const poolS = await seconds(async () => {
    const results = await Promise.all(Array.from({ length: ITEMS }, (_, i) => pool.score(pairs[i % pairs.length])));
    ssimSum = results.reduce((s, m) => s + m.ssim, 0);
  });
  await pool.close();
  const singleS = await seconds(() => {
    for (let i = 0; i < ITEMS; i++) computeEvalMetrics(pairs[i % pairs.length]);
  });
  const sweepMs = { js: [] as number[], wasm: [] as number[] };
  for (let round = 0; round < AB_ROUNDS; round++) {
    for (const [name, sweep] of [
      ["js", sweepEvalJs],
      ["wasm", sweepEvalWasm],
    ] as const) {
      sweepMs[name].push(((await seconds(() => pairs.forEach((p) => sweep(p)))) * 1000) / pairs.length);
    }
  }
  sharp.concurrency(1);
  const decodedS = await seconds(async () => {
    for (let i = 0; i < ITEMS; i++) {
      const p = pairs[i % pairs.length];
      const { data, info } = await sharp(p.referenceJpeg).raw().toBuffer({ resolveWithObject: true });
      computeEvalMetrics({ edited: p.edited, reference: { data, width: info.width, height: info.height, channels: 3 } });
    }
  });

  const { width, height } = pairs[0].reference;
  const rate = (s: number) => Number((ITEMS / s).toFixed(2));
  const result = {
    bench: "eval",
    size: `${width}x${height}`,
    items: ITEMS,
    threads,
    pixelItemsPerS: rate(poolS),
    singleThreadItemsPerS: rate(singleS),
    singleThreadMsPerItem: Number(((singleS * 1000) / ITEMS).toFixed(1)),
    decodedItemsPerS: rate(decodedS),
    meanSsim: Number((ssimSum / ITEMS).toFixed(4)),
    sweepMsPerItem: {
      js: Number(median(sweepMs.js).toFixed(1)),
      wasm: Number(median(sweepMs.wasm).toFixed(1)),
      speedup: Number((median(sweepMs.js) / median(sweepMs.wasm)).toFixed(2)),
    },
    timed: {
      pixelItemsPerS: "L1+L2+PSNR+SSIM of decoded pixels on the pool, copy to the thread included, decode excluded",
      singleThreadItemsPerS: "the same on the main thread, decode excluded",
      decodedItemsPerS: "reference JPEG decode + metrics, main thread",
      sweepMsPerItem: `error sums + SSIM per item on the main thread: plain-JS reference vs WebAssembly kernel, alternated, median of ${AB_ROUNDS} rounds over the ${PHOTOS.length} pairs`,
    },
  };
  console.log(`metrics (L1, L2, PSNR, SSIM) at ${result.size}, ${threads} threads: ${result.pixelItemsPerS} items/s`);
  console.log(
    `single thread: ${result.singleThreadItemsPerS} items/s (${result.singleThreadMsPerItem} ms/item); with reference JPEG decode: ${result.decodedItemsPerS} items/s`,
  );
  console.log(
    `sweep A/B (main thread, medians): JS ${result.sweepMsPerItem.js} ms/item, WebAssembly ${result.sweepMsPerItem.wasm} ms/item (${result.sweepMsPerItem.speedup}×)`,
  );
  console.log(JSON.stringify(result));
}

await main();
