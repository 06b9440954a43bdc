// Develop-engine benchmark: `npx tsx scripts/bench/develop.ts [photo]` (npm run bench:develop, which
// takes /tmp/riq-heavy.lock). One thread unless stated (sharp.concurrency(1)); prints a table, then
// one JSON object as the last line.
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import sharp from "sharp";
import { agreement, fullRangeAccuracy } from "./develop-full-range";
import type { DevelopParams } from "../../lib/develop/params";
import { ENGINE_VERSION, renderImage, type PreparedRender } from "../../lib/develop/render";
import type { StripeJob } from "./develop-stripe-worker";

const PHOTO = process.argv[2] ?? "public/samples/honey-bee.jpg";
const WIDTH = 4000;
const HEIGHT = 3000;
const RUNS = 5;
/** Alternated rounds of the one- and two-thread renders (see threadFigures). */
const THREAD_RUNS = 14;
/** Rows in each band the two threads claim (see threadFigures): 94 bands at 12 MP. */
const BAND_ROWS = 32;
/**
 * Untimed renders before the thread figures' timed runs, in every worker. A fresh isolate needs a
 * few renders before the bake's and the guided filter's code (run once per render) is optimised:
 * after one, the 2-thread prepare step still took 2–3× its steady time. Both thread figures warm
 * up alike, so they compare the same steady-state work.
 */
const WARMUP = 3;

/** A realistic full global edit: every global panel touched at moderate strength. */
const GLOBAL_EDIT: DevelopParams = {
  Exposure2012: 0.35,
  Contrast2012: 18,
  Highlights2012: -35,
  Shadows2012: 28,
  Whites2012: 8,
  Blacks2012: -12,
  IncrementalTemperature: 12,
  IncrementalTint: -4,
  HueAdjustmentOrange: -6,
  SaturationAdjustmentBlue: 15,
  LuminanceAdjustmentBlue: -20,
  SaturationAdjustmentGreen: -10,
  LuminanceAdjustmentOrange: 8,
  ToneCurvePV2012: [
    [0, 0],
    [64, 58],
    [128, 128],
    [192, 198],
    [255, 255],
  ],
  Vibrance: 22,
  Saturation: 6,
  SplitToningShadowHue: 220,
  SplitToningShadowSaturation: 12,
  SplitToningHighlightHue: 45,
  SplitToningHighlightSaturation: 10,
};

/** A typical edit with spatial work: clarity plus one radial local correction. */
const CLARITY_RADIAL: DevelopParams = {
  Exposure2012: 0.2,
  Contrast2012: 10,
  Clarity2012: 35,
  MaskGroupBasedCorrections: [
    {
      CorrectionAmount: 1,
      LocalExposure2012: 0.1,
      CorrectionMasks: [{ What: "Mask/CircularGradient", Top: 0.2, Left: 0.25, Bottom: 0.8, Right: 0.75, Feather: 0.5 }],
    },
  ],
};

/** Local clarity and texture through a radial mask: both spatial stages with a per-pixel amount. */
const LOCAL_CLARITY: DevelopParams = {
  MaskGroupBasedCorrections: [
    {
      CorrectionAmount: 1,
      LocalClarity2012: 0.3,
      LocalTexture: 0.2,
      CorrectionMasks: [{ What: "Mask/CircularGradient", Top: 0.25, Left: 0.25, Bottom: 0.75, Right: 0.75, Feather: 0.3 }],
    },
  ],
};

/** Tone sliders only: no stage mixes channels, so the render takes the separable tables (one row per tone-region level). */
const TONE_ONLY: DevelopParams = { Exposure2012: 0.3, Highlights2012: -40, Shadows2012: 30 };

/** Width of the drafts the Develop page renders while a slider is dragged (1600 px preview / 3). */
const DRAFT_WIDTH = 534;

type Rgb = { data: Uint8Array; width: number; height: number; channels: 3 };

async function load(width: number, height: number, fit: "cover" | "inside"): Promise<Rgb> {
  const source = existsSync(PHOTO) ? sharp(PHOTO) : sharp({ create: { width: 64, height: 48, channels: 3, background: "#808080" } });
  const { data, info } = await source.removeAlpha().resize(width, height, { fit }).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: 3 };
}

async function timeIt(fn: () => unknown | Promise<unknown>, runs = RUNS, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** A bench worker (develop-stripe-worker.ts) in its own isolate, without sharp. */
function startWorker(): Worker {
  // Node 20 workers do not inherit tsx's loader for a .ts entry: bootstrap through tsx's API.
  const entry = new URL("./develop-stripe-worker.ts", import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`, { eval: true });
}

function ask<T>(worker: Worker, job: StripeJob): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (reply: T) => {
      worker.off("error", reject);
      resolve(reply);
    });
    worker.postMessage(job);
  });
}

function shared(big: Rgb): SharedArrayBuffer {
  const src = new SharedArrayBuffer(big.data.length);
  new Uint8Array(src).set(big.data);
  return src;
}

/** Median one-thread render time, timed inside a worker (the isolate the 2-thread figure uses too). */
async function oneThreadInWorker(big: Rgb, params: DevelopParams, runs: number): Promise<number> {
  const worker = startWorker();
  const times = await ask<number[]>(worker, {
    kind: "time",
    src: shared(big),
    width: big.width,
    height: big.height,
    params,
    runs,
    warmup: WARMUP,
  });
  await worker.terminate();
  return median(times);
}

/** Medians of {@link threadFigures}' alternated runs. */
type ThreadFigures = {
  oneThreadMs: number;
  twoThreadMs: number;
  pairedSpeedups: number[];
  firstWorkerShare: number;
  oneThreadMsByWorker: number[];
};

/**
 * One render of the whole image on one worker thread, and the same render on two, alternated
 * round by round in the same two warm worker isolates (WARMUP untimed rounds first), so that both
 * figures see the same machine: on this shared VM the same render's time drifted by up to 1.8×
 * between minutes. Both are wall times seen from this thread, message passing included.
 *
 * Two threads: one bakes the LUT while the other runs the tone regions' guided filter, each posts
 * its part in shared memory, then both render bands of BAND_ROWS rows into a shared output with
 * the pair, claiming them from one shared counter. Fixed halves would wait for the slower thread,
 * and here one of the two vCPUs often ran a stripe ~1.5× slower than the other (97 against 66 ms,
 * the same rows either way round). The same work as one thread's render, split — and checked
 * byte-identical to it.
 */
async function threadFigures(big: Rgb, params: DevelopParams, runs: number): Promise<ThreadFigures> {
  const src = shared(big);
  const dst = new SharedArrayBuffer(big.data.length);
  const workers = [startWorker(), startWorker()];
  const common = { src, width: big.width, height: big.height, params };
  // The one-thread render alternates between the two workers: their cores did not run alike.
  let turn = 0;
  const oneThread = () => ask(workers[turn++ % 2], { ...common, kind: "whole", dst });
  const twoThreads = async () => {
    const [lut, regions] = await Promise.all([
      ask<Partial<PreparedRender>>(workers[0], { ...common, kind: "prepare", part: "lut" }),
      ask<Partial<PreparedRender>>(workers[1], { ...common, kind: "prepare", part: "regions" }),
    ]);
    const prepared = { ...lut, ...regions } as PreparedRender;
    const claimed = new SharedArrayBuffer(4);
    const bands = await Promise.all(
      workers.map((w) => ask<number>(w, { ...common, kind: "render", dst, prepared, claimed, bandRows: BAND_ROWS })),
    );
    shares.push(bands[0] / (bands[0] + bands[1]));
  };
  const shares: number[] = [];
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  for (let i = 0; i < WARMUP; i++) {
    await oneThread();
    await twoThreads();
  }
  const one: number[] = [];
  const oneByWorker: number[][] = [[], []];
  const two: number[] = [];
  for (let i = 0; i < runs; i++) {
    const worker = turn % 2;
    const ms = await timed(oneThread);
    one.push(ms);
    oneByWorker[worker].push(ms);
    two.push(await timed(twoThreads));
  }
  const joined = new Uint8Array(dst).slice();
  await oneThread();
  await Promise.all(workers.map((w) => w.terminate()));
  const single = new Uint8Array(dst);
  for (let i = 0; i < single.length; i++) if (single[i] !== joined[i]) throw new Error(`2-thread render differs at byte ${i}`);
  return {
    oneThreadMs: median(one),
    twoThreadMs: median(two),
    pairedSpeedups: one.map((ms, i) => Number((ms / two[i]).toFixed(2))),
    firstWorkerShare: Number(median(shares).toFixed(2)),
    oneThreadMsByWorker: oneByWorker.map((ms) => Number(median(ms).toFixed(1))),
  };
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

async function main(): Promise<void> {
  sharp.concurrency(1);
  const big = await load(WIDTH, HEIGHT, "cover");
  const mpix = (big.width * big.height) / 1e6;
  const out = new Uint8Array(big.data.length);

  const threads = await threadFigures(big, GLOBAL_EDIT, THREAD_RUNS);
  const globalMs = threads.oneThreadMs;
  // The same edit without the four sliders that are now local (edge-aware) adjustments: what the
  // baked global stages alone cost, so the tone regions' share of globalMs is visible.
  const { Highlights2012, Shadows2012, Whites2012, Blacks2012, ...globalStagesOnly } = GLOBAL_EDIT;
  void [Highlights2012, Shadows2012, Whites2012, Blacks2012];
  const globalStagesOnlyMs = await oneThreadInWorker(big, globalStagesOnly, RUNS);
  // The same render on this thread, where sharp is loaded (context: see develop-stripe-worker.ts).
  const sharpLoadedMs = await timeIt(() => renderImage({ image: big, params: GLOBAL_EDIT, options: { out } }));
  const clarityMs = await timeIt(() => renderImage({ image: big, params: CLARITY_RADIAL, options: { out } }), 3);
  // The exact float path on the same image and edit: what baking buys.
  const exactMs = await timeIt(() => renderImage({ image: big, params: GLOBAL_EDIT, options: { out, exact: true } }), 1);
  const twoThreadMs = threads.twoThreadMs;

  // sharp: a comparable per-pixel chain on raw pixels → raw pixels (linear levels, modulate
  // brightness/saturation/hue, a 3×3 colour matrix for white balance, gamma).
  const sharpChain = () =>
    sharp(big.data, { raw: { width: big.width, height: big.height, channels: 3 } })
      .linear(1.1, -6)
      .modulate({ brightness: 1.05, saturation: 1.15, hue: 4 })
      .recomb([
        [1.06, 0, 0],
        [0, 1, 0],
        [0, 0, 0.92],
      ])
      .gamma(2.2, 2.0)
      .raw()
      .toBuffer();
  const sharpMs = await timeIt(sharpChain, 3);
  const copyMs = await timeIt(() => out.set(big.data));

  const preview = await load(1600, 1600, "inside");
  const previewMs = await timeIt(() => renderImage({ image: preview, params: GLOBAL_EDIT }), 9);
  const fast = renderImage({ image: preview, params: GLOBAL_EDIT }).image.data;
  const exact = renderImage({ image: preview, params: GLOBAL_EDIT, options: { exact: true } }).image.data;
  const { maxDiff, within2 } = agreement(fast, exact);
  // A drag's draft: small enough that the per-render fixed costs (the bake, the tone-region tables) show.
  const draft = await load(DRAFT_WIDTH, DRAFT_WIDTH, "inside");
  const draftMs = await timeIt(() => renderImage({ image: draft, params: GLOBAL_EDIT }), 15, 3);
  const draftToneOnlyMs = await timeIt(() => renderImage({ image: draft, params: TONE_ONLY }), 15, 3);
  const localClarityMs = await timeIt(() => renderImage({ image: preview, params: LOCAL_CLARITY }), 5);
  const coffee = existsSync("public/samples/coffee.jpg")
    ? await sharp("public/samples/coffee.jpg").removeAlpha().resize(800, 800, { fit: "inside" }).raw().toBuffer({ resolveWithObject: true })
    : null;
  const fullRange = coffee
    ? fullRangeAccuracy({ data: new Uint8Array(coffee.data), width: coffee.info.width, height: coffee.info.height, channels: 3 }, 30)
    : null;

  const r = {
    engineVersion: ENGINE_VERSION,
    photo: PHOTO,
    megapixels: Number(mpix.toFixed(2)),
    globalMs: Number(globalMs.toFixed(1)),
    globalMpixPerS: Number((mpix / (globalMs / 1000)).toFixed(1)),
    globalStagesOnlyMs: Number(globalStagesOnlyMs.toFixed(1)),
    globalStagesOnlyMpixPerS: Number((mpix / (globalStagesOnlyMs / 1000)).toFixed(1)),
    // One thread, timed in an isolate that loaded sharp (V8 checks every typed-array access there).
    globalSharpLoadedMpixPerS: Number((mpix / (sharpLoadedMs / 1000)).toFixed(1)),
    exactMs: Number(exactMs.toFixed(1)),
    exactMpixPerS: Number((mpix / (exactMs / 1000)).toFixed(2)),
    bakingSpeedup: Number((exactMs / globalMs).toFixed(1)),
    twoThreadMs: Number(twoThreadMs.toFixed(1)),
    twoThreadMpixPerS: Number((mpix / (twoThreadMs / 1000)).toFixed(1)),
    // Steady state: both workers started and warm; bake ∥ guided filter, then bands from a shared counter.
    twoThreadSpeedup: Number((globalMs / twoThreadMs).toFixed(2)),
    twoThreadPairedSpeedups: threads.pairedSpeedups,
    // Median share of the bands the first worker rendered (0.5: both threads ran alike).
    twoThreadFirstWorkerShare: threads.firstWorkerShare,
    // Median one-thread render on each worker (they alternate): how unlike the two cores ran.
    oneThreadMsByWorker: threads.oneThreadMsByWorker,
    threadTiming: `one and two threads alternated ${THREAD_RUNS} times in the same two worker isolates without sharp, after ${WARMUP} untimed rounds; wall times seen from the main thread`,
    fullRangeMinWithin2Pct: fullRange?.minWithin2Pct ?? null,
    fullRangeMaxDiff: fullRange?.maxDiff ?? null,
    fullRangeDrawsBelow999: fullRange ? fullRange.perDraw.filter((p) => p < 99.9).length : null,
    clarityRadialS: Number((clarityMs / 1000).toFixed(3)),
    clarityRadialMpixPerS: Number((mpix / (clarityMs / 1000)).toFixed(1)),
    // sharp runs a different chain (linear/modulate/recomb/gamma, no tone regions, curves or HSL):
    // context for the order of magnitude, not a like-for-like ratio.
    sharpDifferentWorkMs: Number(sharpMs.toFixed(1)),
    sharpDifferentWorkMpixPerS: Number((mpix / (sharpMs / 1000)).toFixed(1)),
    copyMs: Number(copyMs.toFixed(1)),
    copyMpixPerS: Number((mpix / (copyMs / 1000)).toFixed(1)),
    previewSize: `${preview.width}x${preview.height}`,
    previewMs: Number(previewMs.toFixed(1)),
    draftSize: `${draft.width}x${draft.height}`,
    draftMs: Number(draftMs.toFixed(1)),
    draftToneOnlyMs: Number(draftToneOnlyMs.toFixed(1)),
    localClarityPreviewMs: Number(localClarityMs.toFixed(1)),
    lutVsExactMaxDiff: maxDiff,
    lutVsExactWithin2Pct: Number((within2 * 100).toFixed(3)),
    ratioGlobalOverCopy: Number((copyMs / globalMs).toFixed(3)),
  };
  const rows: [string, string][] = [
    [
      `(a) full global pipeline, ${r.megapixels} MP`,
      `${r.globalMs} ms  = ${r.globalMpixPerS} Mpix/s (${r.globalSharpLoadedMpixPerS} where sharp is loaded)`,
    ],
    ["(a1) same edit without the 4 edge-aware tone sliders", `${r.globalStagesOnlyMs} ms  = ${r.globalStagesOnlyMpixPerS} Mpix/s`],
    ["(a2) same edit, exact float path", `${r.exactMs} ms  = ${r.exactMpixPerS} Mpix/s (baking: ${r.bakingSpeedup}×)`],
    [
      "(a3) same edit, 2 worker threads (stripes)",
      `${r.twoThreadMs} ms  = ${r.twoThreadMpixPerS} Mpix/s (${r.twoThreadSpeedup}× one thread)`,
    ],
    ["(b) clarity + one radial mask", `${r.clarityRadialS} s  = ${r.clarityRadialMpixPerS} Mpix/s`],
    ["(c) sharp chain — DIFFERENT work, context only", `${r.sharpDifferentWorkMs} ms  = ${r.sharpDifferentWorkMpixPerS} Mpix/s`],
    ["(d) typed-array copy", `${r.copyMs} ms  = ${r.copyMpixPerS} Mpix/s`],
    [`(e) preview ${r.previewSize}`, `${r.previewMs} ms`],
    [`(e1) drag draft ${r.draftSize}, same edit`, `${r.draftMs} ms`],
    [`(e1b) drag draft, tone sliders only (separable)`, `${r.draftToneOnlyMs} ms`],
    [`(e2) local clarity + texture (radial mask), preview`, `${r.localClarityPreviewMs} ms`],
    ["(f) LUT vs exact float (preview)", `max ${r.lutVsExactMaxDiff} codes, ${r.lutVsExactWithin2Pct} % within 2`],
    [
      "(g) full-range set, 30 draws, coffee 800 px",
      `worst draw ${r.fullRangeMinWithin2Pct} % within 2, max ${r.fullRangeMaxDiff} codes, ${r.fullRangeDrawsBelow999} draws < 99.9 %`,
    ],
    ["a/d (share of memcpy speed)", `${r.ratioGlobalOverCopy}`],
  ];
  console.log(`develop bench — engine ${ENGINE_VERSION}, ${PHOTO} → ${big.width}×${big.height}, one thread, median of runs`);
  for (const [k, v] of rows) console.log(`${k.padEnd(42)} ${v}`);
  console.log(JSON.stringify(r));
}

await main();
