// Corpus benchmark: `npm run bench:corpus [-- --rows 200000 --pipeline 60 --keep]`.
// 1. bulk-imports N synthetic trajectories (+3 instructions each) into a dedicated database
//    through COPY (the count triggers fire as in production) and reports rows/s;
// 2. times 200 queries each: the browser's filtered keyset list, a trigram search over
//    instructions, and the dashboard counts (p50/p95);
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
  options: { rows: { type: "string", default: "200000" }, pipeline: { type: "string", default: "60" }, queries: { type: "string", default: "200" }, keep: { type: "boolean", default: false } },
});
const ROWS = Number(args.rows);
const PIPELINE = Number(args.pipeline);
const QUERIES = Number(args.queries);
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BENCH_DB = "retouchiq_bench";
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
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const round = (v: number, d = 0) => Number(v.toFixed(d));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const STATUSES = [...Array(60).fill("in_review"), ...Array(15).fill("filtered_out"), ...Array(10).fill("accepted"), ...Array(5).fill("rejected"), ...Array(10).fill("imported")];
const VERBS = ["Make it brighter", "Darken the photo", "Warm up the colors", "Cool down the colors", "Add contrast", "Make it flatter", "Boost the colors", "Mute the colors", "Lift the shadows", "Recover the highlights", "Make it black and white", "Give it a golden hour glow", "Make it moody", "Add a teal and orange look", "Brighten the face"];
const TAILS = ["slightly", "strongly", "while keeping the sky natural", "without clipping the highlights", "for a clean look", "like a film photo", "so the subject pops", ""];
const SEARCH_TERMS = ["zebra crossing", "golden hour", "warm", "black and white", "shadows", "teal and orange", "moody", "highlights", "film photo", "subject pops", "face"];

function syntheticParams(): Record<string, unknown> {
  const p: Record<string, unknown> = { Exposure2012: round(rand() * 4 - 2, 2), Contrast2012: Math.round(rand() * 100 - 50) };
  if (rand() < 0.5) p.IncrementalTemperature = Math.round(rand() * 60 - 30);
  if (rand() < 0.4) p.Shadows2012 = Math.round(rand() * 80 - 20);
  if (rand() < 0.3) p.Vibrance = Math.round(rand() * 60 - 10);
  if (rand() < 0.08) p.ConvertToGrayscale = true;
  if (rand() < 0.1) p.HueAdjustmentOrange = Math.round(rand() * 80 - 40);
  if (rand() < 0.12)
    p.MaskGroupBasedCorrections = [
      { CorrectionAmount: 1, LocalExposure2012: round(rand() * 0.4 - 0.2, 3), CorrectionMasks: [{ What: "Mask/CircularGradient", Top: 0.2, Left: 0.2, Bottom: 0.8, Right: 0.8, Feather: 0.5 }] },
    ];
  return p;
}

const tsv = (v: unknown) => (v === null || v === undefined ? "\\N" : String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n"));

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
  for (const s of sources) await sql`insert into images (sha256, status, format, bytes, width, height) values (${s}, 'ready', 'jpeg', 1000, 512, 384)`;

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
        id, source, JSON.stringify(params), sha256Hex(new TextEncoder().encode(canonical)), contentKey, "synthetic", pick(STATUSES),
        // Only 4 source photos: split by the content key here so the splits are populated.
        corpus.assignSplit(contentKey), category, reason, corpus.hasLocalCorrections(params as never), true, pick(["lr-export-a", "lr-export-b", "fivek-c", "manifest-2026"]),
        new Date(now - (ROWS - i) * 1000).toISOString(),
      ];
    }
  };
  await copyRows(
    sql,
    "trajectories",
    ["id", "source_sha", "params", "params_hash", "content_key", "origin", "status", "split", "category", "category_reason", "has_local_corrections", "target_rendered", "source", "created_at"],
    trajectoryRows,
  );
  const t1 = performance.now();
  const instructionRows = function* () {
    for (const id of ids) {
      const verb = pick(VERBS);
      const tail = pick(TAILS);
      const model = rand() < 0.8 ? ["heuristic", "heuristic", "heuristic-annotate-v1"] : ["glm-4.5v", "openai-compatible", "annotate-v3"];
      const reasoning = `The edit moves exposure and tone; the user wants to ${verb.toLowerCase()}.`;
      yield [id, 1, "short", `${verb}.`, reasoning, model[0], model[1], model[2]];
      yield [id, 1, "medium", `${verb} ${tail}.`.replace(" .", "."), reasoning, model[0], model[1], model[2]];
      yield [id, 1, "long", `The photo looks flat. ${verb} ${tail}, and keep skin tones natural while balancing the scene.`, reasoning, model[0], model[1], model[2]];
    }
  };
  await copyRows(sql, "instructions", ["trajectory_id", "version", "variant", "text", "reasoning", "model_name", "backend", "prompt_version"], instructionRows);
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
    if (i % 2 === 0 || !page1.nextCursor) listMs.push(await timed(() => corpus.listTrajectories({ ctx, input: { ...filter, limit: 100 } })));
    else listMs.push(await timed(() => corpus.listTrajectories({ ctx, input: { ...filter, limit: 100, cursor: page1.nextCursor! } })));
  }
  const searchMs: number[] = [];
  for (let i = 0; i < QUERIES; i++) searchMs.push(await timed(() => corpus.listTrajectories({ ctx, input: { q: SEARCH_TERMS[i % SEARCH_TERMS.length], limit: 100 } })));
  const countsMs: number[] = [];
  for (let i = 0; i < QUERIES; i++) countsMs.push(await timed(() => corpus.getCorpusCounts({ ctx })));
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
    [`bulk import, ${ROWS} trajectories + ${ROWS * 3} instructions (COPY, triggers on)`, `${r.importS} s = ${r.importRowsPerS} trajectories/s`],
    [`list: filters + keyset, ${QUERIES} queries`, `p50 ${r.listP50Ms} ms, p95 ${r.listP95Ms} ms (target p95 < 20)`],
    [`trigram search over instructions, ${QUERIES} queries`, `p50 ${r.searchP50Ms} ms, p95 ${r.searchP95Ms} ms (target p95 < 100)`],
    [`dashboard counts by status × category, ${QUERIES} queries`, `p50 ${r.countsP50Ms} ms, p95 ${r.countsP95Ms} ms (target p95 < 50; one GROUP BY: ${r.groupByOnceMs} ms)`],
    [`annotation pipeline, ${PIPELINE} × 12 MP JPEG, preview ${r.pipelinePreviewEdge} px`, `${r.pipelineS} s = ${r.pipelinePerS} trajectories/s (target ≥ 10)`],
  ];
  console.log(`corpus bench — database ${BENCH_DB}, ${ROWS} rows`);
  for (const [k, v] of rows) console.log(`${k.padEnd(78)} ${v}`);

  await sql.end();
  if (!args.keep) await dropDatabase(BENCH_URL);
  console.log(JSON.stringify(r));
}

await main();
