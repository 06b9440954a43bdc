// Corpus benchmark: `npm run bench:corpus [-- --rows 1000000 --pipeline 60 --keep]` (database: BENCH_CORPUS_DB).
// 1. bulk-imports N synthetic trajectories (+3 instructions each) into a dedicated database
//    through COPY (the count triggers fire as in production) and reports rows/s;
// 2. times 200 queries each: the browser's filtered keyset list, a trigram search over
//    instructions (varied captions from a phrase bank, rare terms included), search combined
//    with status/category/split filters, and the dashboard counts (p50/p95);
// 3. runs the annotation pipeline (shrink-on-load decode → preview render → encode →
//    heuristic annotate → filter → write) on 12 MP JPEGs and reports trajectories/s.
// Prints a table, then one JSON object as the last line.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type postgres from "postgres";
import sharp from "sharp";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    pipeline: { type: "string", default: "60" },
    queries: { type: "string", default: "200" },
    keep: { type: "boolean", default: false },
  },
});
const ROWS = Number(args.rows);
const PIPELINE = Number(args.pipeline);
const QUERIES = Number(args.queries);
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// Its own database (dropped at the end unless --keep); BENCH_CORPUS_DB names it, so benches of
// several checkouts on one server never share one.
const BENCH_DB = process.env.BENCH_CORPUS_DB ?? "retouchiq_bench";
const BENCH_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
process.env.DATABASE_URL = BENCH_URL;
process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), "riq-bench-blobs-"));

const { dropDatabase, recreateDatabase } = await import("../db-setup");
const { createDb } = await import("../../db/client");
const corpus = await import("../../lib/corpus");
const { canonicalParams } = await import("../../lib/develop");
const { sha256Hex } = await import("../../lib/imaging");
const { getBlobStore } = await import("../../lib/storage");
const { createHash, randomUUID } = await import("node:crypto");

// Deterministic PRNG so every run benchmarks the same data.
let seed = 42;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const round = (v: number, d = 0) => Number(v.toFixed(d));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const STATUSES = [
  ...Array(60).fill("in_review"),
  ...Array(15).fill("filtered_out"),
  ...Array(10).fill("accepted"),
  ...Array(5).fill("rejected"),
  ...Array(10).fill("imported"),
];
// Captions composed from a phrase bank with photo-specific nouns: ~40 actions × ~70 subjects ×
// ~30 manners × ~25 places gives millions of distinct texts, as real annotations do, and a few
// rare-but-present terms (about 1 row in 2,000) make selective searches realistic.
const ACTIONS = [
  "Brighten",
  "Darken",
  "Warm up",
  "Cool down",
  "Add contrast to",
  "Flatten",
  "Boost the colors of",
  "Mute the colors of",
  "Lift the shadows on",
  "Recover the highlights on",
  "Desaturate",
  "Add a golden glow to",
  "Give a moody look to",
  "Add a teal and orange grade to",
  "Soften",
  "Sharpen",
  "Add clarity to",
  "Reduce the haze over",
  "Deepen the blues of",
  "Tone down the reds in",
  "Even out the skin on",
  "Make the greens richer in",
  "Pull back the exposure on",
  "Open up",
  "Add a subtle vignette around",
  "Fade the blacks in",
  "Cross-process",
  "Give a film look to",
  "Crush the shadows under",
  "Add punch to",
  "Calm down",
  "Make more dramatic",
  "Clean up the color cast on",
  "Neutralize the white balance of",
  "Add warmth to the light on",
  "Cool the shadows of",
  "Bring out the texture of",
  "Smooth",
  "Lift the midtones of",
  "Balance the exposure across",
];
const SUBJECTS = [
  "the bride's dress",
  "the groom's suit",
  "the tabby cat",
  "the golden retriever",
  "the harbor",
  "the fishing boats",
  "the mountain ridge",
  "the pine forest",
  "the desert dunes",
  "the city skyline",
  "the night market",
  "the neon signs",
  "the cathedral facade",
  "the stained glass",
  "the old bridge",
  "the river bank",
  "the snowy peaks",
  "the autumn leaves",
  "the wheat field",
  "the sunflowers",
  "the lavender rows",
  "the beach at low tide",
  "the surfer",
  "the crashing waves",
  "the portrait subject",
  "the baby's cheeks",
  "the elderly couple",
  "the street musician",
  "the cyclist",
  "the vintage car",
  "the motorbike",
  "the train station",
  "the subway platform",
  "the cafe interior",
  "the plated dessert",
  "the coffee cup",
  "the bowl of ramen",
  "the fruit stall",
  "the bouquet",
  "the wedding cake",
  "the concert crowd",
  "the stage lights",
  "the football pitch",
  "the runner",
  "the ballet dancer",
  "the skateboarder",
  "the red barn",
  "the lighthouse keeper's house",
  "the foggy valley",
  "the waterfall",
  "the rock pools",
  "the hummingbird",
  "the honey bee",
  "the macro flower",
  "the product shot",
  "the sneakers",
  "the watch face",
  "the jewelry",
  "the model's hair",
  "the freckles",
  "the sky at dusk",
  "the sunset clouds",
  "the storm clouds",
  "the rainbow",
  "the village rooftops",
  "the tram lines",
  "the graffiti wall",
  "the library shelves",
  "the kitchen counter",
  "the living room",
];
const MANNERS = [
  "slightly",
  "a lot",
  "a touch",
  "gently",
  "strongly",
  "subtly",
  "just a bit",
  "noticeably",
  "without clipping the highlights",
  "while keeping skin tones natural",
  "so the subject pops",
  "for a clean editorial look",
  "like a 70s film print",
  "for a bright airy feel",
  "for a dark and moody feel",
  "to match the previous shot",
  "without making it look fake",
  "keeping the sky natural",
  "for social media",
  "for a print",
  "so it reads at a glance",
  "to remove the green cast",
  "to fix the mixed lighting",
  "to hide the noise",
  "for a cinematic mood",
  "as if shot at golden hour",
  "as if shot on an overcast day",
  "to separate it from the background",
  "to draw the eye",
  "so the details survive",
];
const PLACES = [
  "",
  "",
  "",
  "in the foreground",
  "in the background",
  "on the left",
  "on the right",
  "at the top of the frame",
  "in the corners",
  "around the edges",
  "in the reflection",
  "in the window light",
  "under the trees",
  "in the shade",
  "near the horizon",
  "along the shoreline",
  "behind the subject",
  "in the water",
  "on the wall",
  "in the crowd",
  "on the table",
  "in the mirror",
  "through the fog",
  "against the sky",
  "in the doorway",
];
const RARE = [
  "zebra crossing",
  "aurora borealis",
  "flamingo",
  "lighthouse beam",
  "tuk-tuk",
  "origami crane",
  "hot-air balloon",
  "glacier cave",
  "paper lanterns",
  "cherry blossoms",
];
/** Searches users run: common words, photo nouns, and the rare terms (which must scan deep). */
const SEARCH_TERMS = [
  "golden",
  "warm",
  "skin tones",
  "harbor",
  "retriever",
  "neon",
  "film print",
  "moody",
  "cathedral",
  "zebra crossing",
  "aurora",
  "flamingo",
  "origami",
  "teal",
  "shadows",
];

function caption(): { short: string; medium: string; long: string } {
  const action = pick(ACTIONS);
  const subject = rand() < 0.0005 ? `the ${pick(RARE)}` : pick(SUBJECTS);
  const manner = pick(MANNERS);
  const place = pick(PLACES);
  const where = place ? ` ${place}` : "";
  return {
    short: `${action} ${subject}.`,
    medium: `${action} ${subject}${where} ${manner}.`,
    long: `The photo of ${subject.replace(/^the /, "")} looks ${pick(["flat", "dull", "too dark", "too bright", "too cold", "too warm", "muddy", "washed out"])}. ${action} ${subject}${where} ${manner}, and ${pick(ACTIONS).toLowerCase()} ${pick(SUBJECTS)} ${pick(MANNERS)}.`,
  };
}

function syntheticParams(): Record<string, unknown> {
  const p: Record<string, unknown> = { Exposure2012: round(rand() * 4 - 2, 2), Contrast2012: Math.round(rand() * 100 - 50) };
  if (rand() < 0.5) p.IncrementalTemperature = Math.round(rand() * 60 - 30);
  if (rand() < 0.4) p.Shadows2012 = Math.round(rand() * 80 - 20);
  if (rand() < 0.3) p.Vibrance = Math.round(rand() * 60 - 10);
  if (rand() < 0.08) p.ConvertToGrayscale = true;
  if (rand() < 0.1) p.HueAdjustmentOrange = Math.round(rand() * 80 - 40);
  if (rand() < 0.12)
    p.MaskGroupBasedCorrections = [
      {
        CorrectionAmount: 1,
        LocalExposure2012: round(rand() * 0.4 - 0.2, 3),
        CorrectionMasks: [{ What: "Mask/CircularGradient", Top: 0.2, Left: 0.2, Bottom: 0.8, Right: 0.8, Feather: 0.5 }],
      },
    ];
  return p;
}

const tsv = (v: unknown) =>
  v === null || v === undefined ? "\\N" : String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");

async function copyRows(sql: postgres.Sql, table: string, columns: string[], rows: () => Generator<unknown[]>) {
  const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  // Listen from the start: a server-side COPY error must fail the bench, not crash it unhandled.
  let failed: Error | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("error", (e) => reject((failed = e)));
    stream.on("finish", () => resolve());
  });
  let buf = "";
  for (const row of rows()) {
    if (failed) break;
    buf += `${row.map(tsv).join("\t")}\n`;
    if (buf.length > 1 << 20) {
      if (!stream.write(buf)) await new Promise((r) => stream.once("drain", r));
      buf = "";
    }
  }
  stream.end(buf);
  await finished;
}

async function main() {
  await recreateDatabase(BENCH_URL);
  const { db, sql } = createDb(BENCH_URL, { max: 4 });
  const actor = { id: "bench", email: "bench@local", name: "bench", role: "researcher" as const, via: "session" as const };
  const ctx = { db, actor };

  // A few small shared source images (rows only; the list queries never read pixels).
  const sources = Array.from({ length: 4 }, (_, i) => createHash("sha256").update(`bench-source-${i}`).digest("hex"));
  for (const s of sources)
    await sql`insert into images (sha256, status, format, bytes, width, height) values (${s}, 'ready', 'jpeg', 1000, 512, 384)`;

  // 1. Bulk import.
  const ids: string[] = [];
  const t0 = performance.now();
  const now = Date.now();
  const trajectoryRows = function* () {
    for (let i = 0; i < ROWS; i++) {
      const id = randomUUID();
      ids.push(id);
      const source = sources[i % sources.length];
      const params = syntheticParams();
      const canonical = canonicalParams(params as never);
      const contentKey = sha256Hex(new TextEncoder().encode(`${source}|${canonical}|${i}`));
      const { category, reason } = corpus.classifyCategory(params as never);
      yield [
        id,
        source,
        JSON.stringify(params),
        sha256Hex(new TextEncoder().encode(canonical)),
        contentKey,
        "synthetic",
        pick(STATUSES),
        // Only 4 source photos: split by the content key here so the splits are populated.
        corpus.assignSplit(contentKey),
        category,
        reason,
        corpus.hasLocalCorrections(params as never),
        true,
        pick(["lr-export-a", "lr-export-b", "fivek-c", "manifest-2026"]),
        new Date(now - (ROWS - i) * 1000).toISOString(),
      ];
    }
  };
  await copyRows(
    sql,
    "trajectories",
    [
      "id",
      "source_sha",
      "params",
      "params_hash",
      "content_key",
      "origin",
      "status",
      "split",
      "category",
      "category_reason",
      "has_local_corrections",
      "target_rendered",
      "source",
      "created_at",
    ],
    trajectoryRows,
  );
  const t1 = performance.now();
  const instructionRows = function* () {
    for (const id of ids) {
      const c = caption();
      const model = rand() < 0.8 ? ["heuristic", "heuristic", "heuristic-annotate-v1"] : ["glm-4.5v", "openai-compatible", "annotate-v3"];
      const reasoning = `The edit moves exposure and tone; the user wants this: ${c.short}`;
      yield [id, 1, "short", c.short, reasoning, model[0], model[1], model[2]];
      yield [id, 1, "medium", c.medium, reasoning, model[0], model[1], model[2]];
      yield [id, 1, "long", c.long, reasoning, model[0], model[1], model[2]];
    }
  };
  await copyRows(
    sql,
    "instructions",
    ["trajectory_id", "version", "variant", "text", "reasoning", "model_name", "backend", "prompt_version"],
    instructionRows,
  );
  const t2 = performance.now();
  await sql`analyze trajectories`;
  await sql`analyze instructions`;
  const importS = (t2 - t0) / 1000;

  // 2. Queries.
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const LIST_FILTERS: Record<string, string>[] = [
    {},
    { status: "in_review" },
    { status: "rejected", category: "style" },
    { split: "val", category: "quality" },
    { param: "Exposure2012>1" },
    { hasLocal: "yes" },
    { source: "fivek-c", status: "accepted" },
    { category: "local", split: "train" },
    { model: "glm-4.5v" },
  ];
  const listMs: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const filter = LIST_FILTERS[i % LIST_FILTERS.length];
    // Page 1, then the page behind its cursor: both are "the list query with keyset pagination".
    const page1 = await corpus.listTrajectories({ ctx, input: { ...filter, limit: 100 } });
    if (i % 2 === 0 || !page1.nextCursor)
      listMs.push(await timed(() => corpus.listTrajectories({ ctx, input: { ...filter, limit: 100 } })));
    else listMs.push(await timed(() => corpus.listTrajectories({ ctx, input: { ...filter, limit: 100, cursor: page1.nextCursor! } })));
  }
  const searchMs: number[] = [];
  for (let i = 0; i < QUERIES; i++)
    searchMs.push(await timed(() => corpus.listTrajectories({ ctx, input: { q: SEARCH_TERMS[i % SEARCH_TERMS.length], limit: 100 } })));
  // Search as people use it: together with status / category / split filters.
  const SEARCH_FILTERS: Record<string, string>[] = [
    { status: "in_review" },
    { category: "style" },
    { split: "val" },
    { status: "accepted", category: "quality" },
    { status: "in_review", split: "train" },
  ];
  const searchFilteredMs: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const input = { ...SEARCH_FILTERS[i % SEARCH_FILTERS.length], q: SEARCH_TERMS[(i * 7) % SEARCH_TERMS.length], limit: 100 };
    searchFilteredMs.push(await timed(() => corpus.listTrajectories({ ctx, input })));
  }
  const distinctTexts = Number((await sql`select count(distinct text)::int as n from instructions`)[0].n);
  const countsMs: number[] = [];
  for (let i = 0; i < QUERIES; i++) countsMs.push(await timed(() => corpus.getCorpusCounts({ ctx })));
  // The browser's "N match these filters" line for status/category/split filters.
  const matchingMs: number[] = [];
  for (let i = 0; i < QUERIES; i++)
    matchingMs.push(await timed(() => corpus.countMatching({ ctx, input: SEARCH_FILTERS[i % SEARCH_FILTERS.length] })));
  const counts = await corpus.getCorpusCounts({ ctx });
  const groupByMs = await timed(() => sql`select status, category, count(*) from trajectories group by 1, 2`);

  // 3. Annotation pipeline on 12 MP JPEG sources.
  const store = getBlobStore();
  const big: string[] = [];
  for (const name of ["honey-bee", "cincinnati-bridge", "astronaut"]) {
    const jpeg = await sharp(`public/samples/${name}.jpg`).resize(4000, 3000, { fit: "fill" }).jpeg({ quality: 90 }).toBuffer();
    const { key } = await store.put(new Uint8Array(jpeg), { contentType: "image/jpeg" });
    await sql`insert into images (sha256, status, format, bytes, width, height) values (${key}, 'ready', 'jpeg', ${jpeg.length}, 4000, 3000) on conflict do nothing`;
    big.push(key);
  }
  const pipelineIds: string[] = [];
  for (let i = 0; i < PIPELINE; i++) {
    const params = syntheticParams();
    delete params.MaskGroupBasedCorrections;
    const [row] = await sql`insert into trajectories (source_sha, params, origin, status, target_rendered, content_key)
      values (${big[i % big.length]}, ${JSON.stringify(params)}::jsonb, 'synthetic', 'imported', true, ${`pipeline-${i}-${randomUUID()}`}) returning id`;
    pipelineIds.push(row.id as string);
  }
  const p0 = performance.now();
  let next = 0;
  const outcomes: Record<string, number> = {};
  const lane = async () => {
    while (next < pipelineIds.length) {
      const r = await corpus.annotateTrajectory({ ctx, input: { trajectoryId: pipelineIds[next++], version: 1 } });
      outcomes[r.status] = (outcomes[r.status] ?? 0) + 1;
    }
  };
  await Promise.all([lane(), lane()]);
  const pipelineS = (performance.now() - p0) / 1000;

  const r = {
    rows: ROWS,
    instructions: ROWS * 3,
    importS: round(importS, 2),
    importRowsPerS: Math.round(ROWS / importS),
    trajectoriesCopyS: round((t1 - t0) / 1000, 2),
    instructionsCopyS: round((t2 - t1) / 1000, 2),
    listP50Ms: round(pct(listMs, 50), 2),
    listP95Ms: round(pct(listMs, 95), 2),
    searchP50Ms: round(pct(searchMs, 50), 2),
    searchP95Ms: round(pct(searchMs, 95), 2),
    searchFilteredP50Ms: round(pct(searchFilteredMs, 50), 2),
    searchFilteredP95Ms: round(pct(searchFilteredMs, 95), 2),
    distinctInstructionTexts: distinctTexts,
    matchingCountP95Ms: round(pct(matchingMs, 95), 2),
    countsP50Ms: round(pct(countsMs, 50), 2),
    countsP95Ms: round(pct(countsMs, 95), 2),
    groupByOnceMs: round(groupByMs, 1),
    countsTotal: counts.total,
    pipelineTrajectories: PIPELINE,
    pipelineSourceMp: 12,
    pipelinePreviewEdge: corpus.ANNOTATION_PREVIEW_EDGE,
    pipelineS: round(pipelineS, 2),
    pipelinePerS: round(PIPELINE / pipelineS, 1),
    pipelineOutcomes: outcomes,
  };
  const rows: [string, string][] = [
    [
      `bulk import, ${ROWS} trajectories + ${ROWS * 3} instructions (COPY, triggers on)`,
      `${r.importS} s = ${r.importRowsPerS} trajectories/s`,
    ],
    [`list: filters + keyset, ${QUERIES} queries`, `p50 ${r.listP50Ms} ms, p95 ${r.listP95Ms} ms (target p95 < 10)`],
    [
      `trigram search over instructions (${distinctTexts} distinct texts), ${QUERIES} queries`,
      `p50 ${r.searchP50Ms} ms, p95 ${r.searchP95Ms} ms`,
    ],
    [
      `search + status/category/split filter, ${QUERIES} queries`,
      `p50 ${r.searchFilteredP50Ms} ms, p95 ${r.searchFilteredP95Ms} ms (target p95 < 100)`,
    ],
    [
      `dashboard counts by status × category, ${QUERIES} queries`,
      `p50 ${r.countsP50Ms} ms, p95 ${r.countsP95Ms} ms (target p95 < 20; one GROUP BY: ${r.groupByOnceMs} ms)`,
    ],
    [`"N match these filters" (status/category/split), ${QUERIES} queries`, `p95 ${r.matchingCountP95Ms} ms`],
    [
      `annotation pipeline, ${PIPELINE} × 12 MP JPEG, preview ${r.pipelinePreviewEdge} px`,
      `${r.pipelineS} s = ${r.pipelinePerS} trajectories/s (target ≥ 10)`,
    ],
  ];
  console.log(`corpus bench — database ${BENCH_DB}, ${ROWS} rows`);
  for (const [k, v] of rows) console.log(`${k.padEnd(78)} ${v}`);

  await sql.end();
  if (!args.keep) await dropDatabase(BENCH_URL);
  console.log(JSON.stringify(r));
}

await main();
