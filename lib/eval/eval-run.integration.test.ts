import { UnrecoverableError, Worker } from "bullmq";
import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { evalItems, evalRuns, instructions, trajectories } from "@/db/schema";
import { createContext, systemContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { getQueue } from "@/lib/queue";
import { bullPrefix, createRedis } from "@/lib/queue/connection";
import { uploadImage } from "@/lib/images";
import { makeActor } from "@/test/actors";
import { uniquePhoto } from "@/test/images";
import {
  buildRetouchEvalBenchmark,
  compareRuns,
  exportLeaderboardCsv,
  FIVEK_INSTRUCTION,
  getBenchmarkOrThrow,
  getLeaderboard,
  importBenchmark,
  notInBenchmark,
  parseBenchmarkManifest,
  scoreEvalItem,
  startEvalRun,
  sweepEvalRuns,
} from "./index";

/** Uploads a unique photo and a brighter "expert" version of it; returns both shas. */
async function pairOfImages(ctx: ReturnType<typeof createContext>, photo: string) {
  const source = await uniquePhoto(photo);
  const reference = new Uint8Array(await sharp(source).resize(320).modulate({ brightness: 1.15 }).jpeg({ quality: 92 }).toBuffer());
  const small = new Uint8Array(await sharp(source).resize(320).jpeg({ quality: 92 }).toBuffer());
  const [s, r] = [await uploadImage({ ctx, input: { bytes: small } }), await uploadImage({ ctx, input: { bytes: reference } })];
  return { source: s.sha256, reference: r.sha256 };
}

async function manifestBenchmark(ctx: ReturnType<typeof createContext>, name: string) {
  const photos = ["chelsea-cat.jpg", "coffee.jpg", "astronaut.jpg"];
  const splits = ["quality", "style", "local"];
  const items = [];
  for (let i = 0; i < photos.length; i++) {
    const p = await pairOfImages(ctx, photos[i]);
    items.push({ ...p, instruction: "Brighten the photo a little", split: splits[i] });
  }
  return { items, created: await importBenchmark({ ctx, input: { name, items } }) };
}

describe("benchmarks", () => {
  it("are frozen and content-hashed: importing the same items is a no-op, other items under the name conflict", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const name = `manifest-${Date.now()}`;
    const { items, created } = await manifestBenchmark(ctx, name);
    expect(created.created).toBe(true);
    expect(created.benchmark).toMatchObject({ kind: "manifest", frozen: true, itemCount: 3 });
    expect(created.benchmark.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const again = await importBenchmark({ ctx, input: { name, items } });
    expect(again).toMatchObject({ created: false, benchmark: { id: created.benchmark.id } });
    const other = await importBenchmark({ ctx, input: { name, items: items.slice(1) } }).catch((e) => e);
    expect(isAppError(other) && other.code).toBe("CONFLICT");
    const unknown = await importBenchmark({ ctx, input: { name: `${name}-x`, items: [{ ...items[0], reference: "0".repeat(64) }] } }).catch(
      (e) => e,
    );
    expect(isAppError(unknown) && unknown.code).toBe("VALIDATION");
  });

  it("FiveK protocol: no instruction, one fivek split, Table 2 layout; a JSONL manifest parses line by line", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const p = await pairOfImages(ctx, "coffee.jpg");
    const lines = `# FiveK\n${JSON.stringify({ ...p, id: "a4501", instruction: "ignored" })}\n\nnot json\n`;
    const parsed = parseBenchmarkManifest(lines);
    expect(parsed).toEqual([
      { ...p, id: "a4501", instruction: "ignored" },
      { line: 4, error: "not JSON" },
    ]);
    const bad = await importBenchmark({ ctx, input: { name: `fivek-bad-${Date.now()}`, kind: "fivek", items: parsed as never } }).catch(
      (e) => e,
    );
    expect(isAppError(bad) && bad.code).toBe("VALIDATION");
    const { benchmark } = await importBenchmark({
      ctx,
      input: { name: `fivek-${Date.now()}`, kind: "fivek", items: [parsed[0]] as never },
    });
    expect(benchmark.config).toMatchObject({ instruction: FIVEK_INSTRUCTION });
    const { items } = await getBenchmarkOrThrow({ ctx, input: { id: benchmark.id } });
    expect(items).toEqual([expect.objectContaining({ instruction: null, split: "fivek", externalId: "a4501" })]);
    const { run } = await startEvalRun({ ctx, input: { benchmarkId: benchmark.id, judgeModelId: null } });
    await scoreEvalItem({ ctx: systemContext(), input: { runId: run.id, itemId: items[0].id } });
    const board = await getLeaderboard({ ctx, input: { benchmarkId: benchmark.id } });
    expect(board.layout).toBe("table2");
    expect(board.columns.map((c) => c.key)).toEqual(["psnr", "ssim", "lpips"]);
    expect(board.rows[0].cells.fivek.psnr!.mean).toBeGreaterThan(10);
    expect(board.rows[0].cells.fivek.lpips).toBeUndefined(); // no LPIPS scorer: absent, not zero
  });

  it("refuse an annotator", async () => {
    const ctx = createContext({ actor: await makeActor("annotator") });
    const error = await importBenchmark({ ctx, input: { name: "x", items: [] } }).catch((e) => e);
    expect(isAppError(error) && error.code).toBe("FORBIDDEN");
  });

  it("RetouchEval: stratified by category from the test split, seeded, and refused by exporters", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const db = getDb();
    const ids: string[] = [];
    const tag = `bench-${Date.now()}`;
    for (const [k, category] of (["quality", "quality", "quality", "style", "local", "local"] as const).entries()) {
      const p = await pairOfImages(ctx, "honey-bee.jpg");
      const split = k === 2 ? "train" : "test"; // one quality trajectory is not in the test split
      const params = { Exposure2012: 0.4, Shadows2012: 20, Clarity2012: 15 };
      const [t] = await db
        .insert(trajectories)
        .values({ sourceSha: p.source, targetSha: p.reference, params, origin: "import", split, category, source: tag })
        .returning();
      await db.insert(instructions).values({
        trajectoryId: t.id,
        version: 1,
        variant: "medium",
        text: `edit ${k}`,
        modelName: "m",
        backend: "heuristic",
        promptVersion: "v1",
        status: "accepted",
      });
      ids.push(t.id);
    }
    const built = await buildRetouchEvalBenchmark({ ctx, input: { name: `${tag}-a`, perSplit: 1, seed: 7 } });
    const ours = built.benchmark.config.counts as Record<string, number>;
    expect(ours).toEqual({ quality: 1, style: 1, local: 1 });
    // Same corpus and seed → the same test set.
    const twin = await buildRetouchEvalBenchmark({ ctx, input: { name: `${tag}-b`, perSplit: 1, seed: 7 } });
    expect(twin.benchmark.contentHash).toBe(built.benchmark.contentHash);

    const exportable = await db
      .select({ id: trajectories.id })
      .from(trajectories)
      .where(and(eq(trajectories.source, tag), notInBenchmark(trajectories.id)));
    const left = exportable.map((r) => r.id);
    expect(left).toContain(ids[2]); // the train trajectory is never in a benchmark
    expect(left).toHaveLength(3);

    // The JarvisArt rule scorer compares the policy's params with the trajectory's.
    const { run } = await startEvalRun({ ctx, input: { benchmarkId: built.benchmark.id, judgeModelId: null, scorer: "jarvisart-rules" } });
    const [first] = (await getBenchmarkOrThrow({ ctx, input: { id: built.benchmark.id } })).items;
    await scoreEvalItem({ ctx: systemContext(), input: { runId: run.id, itemId: first.id } });
    const [row] = await db.select().from(evalItems).where(eq(evalItems.runId, run.id));
    expect(row.ruleReward).toMatchObject({ format: 1 }); // the heuristic policy answers in JarvisArt format
    expect(row.ruleReward!.total).toBeCloseTo(
      row.ruleReward!.format + row.ruleReward!.matching + row.ruleReward!.accuracy + row.ruleReward!.local + row.ruleReward!.perception,
      9,
    );
    expect(row.ruleReward!.perception).toBeGreaterThan(0);
    const board = await getLeaderboard({ ctx, input: { benchmarkId: built.benchmark.id } });
    expect(board.rows[0].ruleReward!.mean).toBeCloseTo(row.ruleReward!.total, 9);
  });
});

describe("eval runs", () => {
  it("score every item once (heuristic policy and judge), never rescore, and rank runs with intervals", async () => {
    const researcher = await makeActor("researcher");
    const ctx = createContext({ actor: researcher });
    const { created } = await manifestBenchmark(ctx, `run-${Date.now()}`);
    const benchmarkId = created.benchmark.id;
    const { run, queued } = await startEvalRun({ ctx, input: { benchmarkId, judgeModelId: null } });
    expect(queued).toBe(3);
    expect(run).toMatchObject({ status: "queued", total: 3, modelName: "heuristic-policy", judgeModelName: "heuristic-judge (heuristic)" });
    expect(run.judgePrompt).toMatch(/^judge\/v1 [0-9a-f]{12}$/);

    const items = (await getDb().execute(
      sql`select id from benchmark_items where benchmark_id = ${benchmarkId} order by position`,
    )) as unknown as { id: string }[];
    const system = systemContext();
    for (const item of items) {
      const r = await scoreEvalItem({ ctx: system, input: { runId: run.id, itemId: item.id } });
      expect(r).toHaveProperty("scored");
    }
    const rows = await getDb().select().from(evalItems).where(eq(evalItems.runId, run.id));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.parseStatus).toBe("ok");
      expect(row.metrics!.l1).toBeGreaterThan(0);
      expect(row.metrics!.l1).toBeLessThan(1);
      expect(row.metrics!.l2).toBeLessThan(row.metrics!.l1); // MSE on [0,1] is below MAE
      expect(row.metrics!.ssim).toBeGreaterThan(0);
      expect(row.metrics!.lpips).toBeNull(); // no LPIPS scorer configured
      expect(row.o).toBeCloseTo(Math.sqrt(row.sc! * row.pq!), 2); // O = √(SC·PQ), reported to 2 decimals
      expect(row.judgeReasoning).toBeTruthy();
    }
    const [after] = await getDb().select().from(evalRuns).where(eq(evalRuns.id, run.id));
    expect(after).toMatchObject({ status: "done", completed: 3, formatFailures: 0 });

    // A retry or a sweeper re-enqueue of a finished item changes nothing.
    const again = await scoreEvalItem({ ctx: system, input: { runId: run.id, itemId: items[0].id } });
    expect(again).toEqual({ skipped: "done" });
    const rowsAfter = await getDb().select().from(evalItems).where(eq(evalItems.runId, run.id));
    expect(rowsAfter.map((r) => r.scoredAt.getTime()).sort()).toEqual(rows.map((r) => r.scoredAt.getTime()).sort());

    // A second run (rule-based scorer) and the leaderboard.
    const second = await startEvalRun({ ctx, input: { benchmarkId, judgeModelId: null, scorer: "jarvisart-rules" } });
    for (const item of items) await scoreEvalItem({ ctx: system, input: { runId: second.run.id, itemId: item.id } });
    const board = await getLeaderboard({ ctx, input: { benchmarkId } });
    expect(board.layout).toBe("table1");
    expect(board.groups).toEqual(["quality", "style", "local", "overall"]);
    const cell = board.rows[0].cells.overall.l1!;
    expect(board.rows[0].ruleReward).toBeNull();
    expect(board.rows[1].ruleReward).toBeNull(); // manifest items carry no ground-truth params to compare with
    expect(cell.n).toBe(3);
    expect(cell.lo).toBeLessThanOrEqual(cell.mean);
    expect(cell.hi).toBeGreaterThanOrEqual(cell.mean);
    // Same deterministic policy twice: identical scores, so the paired difference is exactly 0 and not significant.
    const cmp = await compareRuns({ ctx, input: { a: run.id, b: second.run.id } });
    expect(cmp.paired).toBe(3);
    expect(cmp.result.overall.l1).toMatchObject({ mean: 0, significant: false });
    const csv = await exportLeaderboardCsv({ ctx, input: { benchmarkId } });
    expect(csv.split("\n")[0]).toMatch(/^benchmark,benchmark_hash,run_id,model/);
    expect(csv).toContain(`${run.id},heuristic-policy`);
  });
});

describe("the eval sweeper", () => {
  it("runs again an item whose job failed without recording it (the database was away at its last attempt)", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const { created } = await manifestBenchmark(ctx, `sweep-${Date.now()}`);
    const { run } = await startEvalRun({ ctx, input: { benchmarkId: created.benchmark.id, judgeModelId: null } });
    const queue = getQueue("eval");
    const [first] = await queue.getJobs(["waiting", "prioritized"]);
    const failedId = first.id!;
    // A worker that fails that job for good, as a job whose failure row could not be written ends (the rest pass through unscored).
    const connection = createRedis({ forWorker: true });
    const worker = new Worker(
      "eval",
      async (job) => {
        if (job.id === failedId) throw new UnrecoverableError("the database is away");
      },
      { connection, prefix: bullPrefix(), autorun: false },
    );
    const failed = new Promise<void>((resolve) => worker.on("failed", (job) => job?.id === failedId && resolve()));
    void worker.run();
    await failed;
    await worker.close(true);
    connection.disconnect();
    expect(await queue.getJobState(failedId)).toBe("failed");

    await sweepEvalRuns({ ctx: systemContext(), input: { olderThanMs: 0 } });
    expect(await queue.getJobState(failedId)).toBe("waiting");
    expect((await getDb().select().from(evalItems).where(eq(evalItems.runId, run.id))).length).toBe(0);
    await queue.obliterate({ force: true });
  });
});
