import { beforeAll, describe, expect, it } from "vitest";
import { createContext, type Ctx } from "@/lib/context";
import { blobResponse } from "@/lib/http/blob-response";
import { getBlobStore } from "@/lib/storage";
import { makeActor } from "@/test/actors";
import { getDb } from "@/db/client";
import { benchmarkItems, benchmarks } from "@/db/schema";
import { seedPairs, seedSamples } from "@/test/training/training-fixtures";
import { createExport } from "./create-export";
import { getExportFile } from "./get-export-file";
import { getExportUrls } from "./get-export-urls";
import type { ExportManifest } from "./manifest";
import { validateExport } from "./validate-export";

let ctx: Ctx;
let snapshotId: string;
let instructionIds: string[];

beforeAll(async () => {
  ctx = createContext({ actor: await makeActor("researcher") });
  const seeded = await seedSamples(4);
  snapshotId = seeded.snapshotId;
  instructionIds = seeded.samples.map((s) => s.instructionId);
});

describe("createExport", () => {
  it("stores an immutable EasyR1 export whose manifest, data and images download and validate", async () => {
    const { export: row, created } = await createExport({
      ctx,
      input: { format: "easyr1-policy", name: "r1-policy", snapshotId, round: 1 },
    });
    expect(created).toBe(true);
    expect(row.counts).toMatchObject({ rows: 4, train: 4, images: 4 });

    const manifestFile = await getExportFile({ ctx, input: { exportId: row.id, path: "manifest.json" } });
    const manifest = JSON.parse((await getBlobStore().get(manifestFile.blobKey))!.toString()) as ExportManifest;
    expect(manifest).toMatchObject({ format: "easyr1-policy", contentHash: row.hash, counts: row.counts, source: { snapshotId } });
    expect(manifest.createdBy).toMatch(/@test\.local$/);

    const data = await getExportFile({ ctx, input: { exportId: row.id, path: "train.parquet" } });
    const bytes = new Uint8Array((await getBlobStore().get(data.blobKey))!);
    const rows = (await validateExport("easyr1-policy", [{ path: "train.parquet", bytes, contentType: data.contentType }]))[
      "train.parquet"
    ];
    expect(rows.map((r) => JSON.parse(r.answer as string).sample_id).sort()).toEqual([...instructionIds].sort());
    // Images are the stored originals, referenced by their blob key rather than copied.
    const image = manifest.files.find((f) => f.path.startsWith("images/"))!;
    expect(image.path).toBe(`images/${image.blobKey}.jpg`);

    const again = await createExport({ ctx, input: { format: "easyr1-policy", name: "r1-policy", snapshotId, round: 1 } });
    expect(again).toMatchObject({ created: false, export: { id: row.id, hash: row.hash } });
  });

  it("serves byte ranges so a download can resume", async () => {
    const { export: row } = await createExport({ ctx, input: { format: "verl-policy", name: "verl", snapshotId } });
    const file = await getExportFile({ ctx, input: { exportId: row.id, path: "train.parquet" } });
    const whole = new Uint8Array((await getBlobStore().get(file.blobKey))!);
    const full = await blobResponse(new Request("http://x/"), file);
    expect(full.status).toBe(200);
    expect(full.headers.get("accept-ranges")).toBe("bytes");
    expect(new Uint8Array(await full.arrayBuffer())).toEqual(whole);

    const part = await blobResponse(new Request("http://x/", { headers: { range: "bytes=10-" } }), file);
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 10-${whole.length - 1}/${whole.length}`);
    const resumed = new Uint8Array([...whole.slice(0, 10), ...new Uint8Array(await part.arrayBuffer())]);
    expect(resumed).toEqual(whole);
    expect((await blobResponse(new Request("http://x/", { headers: { range: `bytes=${whole.length}-` } }), file)).status).toBe(416);
    expect((await blobResponse(new Request("http://x/", { headers: { range: "bytes=0-3", "if-range": '"other"' } }), file)).status).toBe(
      200,
    );
  });

  it("exports train-split pairs for PGRT with [original, A, B] and leaves accuracy pairs out", async () => {
    const seeded = await seedSamples(3);
    const train = await seedPairs(seeded.samples, { round: 7 });
    await seedPairs(seeded.samples.slice(0, 1), { round: 7, split: "accuracy", origin: "policy" });
    const { export: row } = await createExport({
      ctx,
      input: { format: "easyr1-pgrt", name: "pgrt-r7", snapshotId: seeded.snapshotId, round: 7 },
    });
    expect(row.counts).toMatchObject({ rows: 3 });
    const file = await getExportFile({ ctx, input: { exportId: row.id, path: "train.parquet" } });
    const rows = (
      await validateExport("easyr1-pgrt", [
        { path: "train.parquet", bytes: new Uint8Array((await getBlobStore().get(file.blobKey))!), contentType: file.contentType },
      ])
    )["train.parquet"];
    expect(rows.map((r) => JSON.parse(r.answer as string).pair_id).sort()).toEqual([...train].sort());
    const sources = new Set(seeded.samples.map((s) => `images/${s.sourceSha}.jpg`));
    expect(rows.every((r) => sources.has((r.images as string[])[0]))).toBe(true);
  });

  it("gives a round's reward model only the policy pairs of earlier rounds (policyRoundsBefore), with every perturbed pair", async () => {
    const seeded = await seedSamples(2);
    const perturbed = await seedPairs(seeded.samples, { round: 3 });
    const earlier = await seedPairs(seeded.samples.slice(0, 1), { origin: "policy", round: 2 });
    await seedPairs(seeded.samples.slice(1), { origin: "policy", round: 3 });
    const { export: row } = await createExport({
      ctx,
      input: { format: "easyr1-pgrt", name: "pgrt-before-3", snapshotId: seeded.snapshotId, policyRoundsBefore: 3 },
    });
    const file = await getExportFile({ ctx, input: { exportId: row.id, path: "train.parquet" } });
    const rows = (
      await validateExport("easyr1-pgrt", [
        { path: "train.parquet", bytes: new Uint8Array((await getBlobStore().get(file.blobKey))!), contentType: file.contentType },
      ])
    )["train.parquet"];
    const answers = rows.map((r) => JSON.parse(r.answer as string) as { pair_id: string; weak_source: string });
    expect(answers.map((a) => a.pair_id).sort()).toEqual([...perturbed, ...earlier].sort());
    expect(answers.filter((a) => a.weak_source.startsWith("policy")).map((a) => a.weak_source)).toEqual(["policy@2"]);
  });

  it("refuses benchmark (test split) items, other roles, and tokens without the export scope", async () => {
    const test = await seedSamples(1, { split: "test" });
    await expect(
      createExport({ ctx, input: { format: "easyr1-policy", name: "leak", snapshotId: test.snapshotId } }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/benchmark/),
    });
    const inBench = await seedSamples(2);
    const [bench] = await getDb()
      .insert(benchmarks)
      .values({ name: `b-${inBench.snapshotId}`, kind: "manifest", contentHash: "x" })
      .returning();
    await getDb().insert(benchmarkItems).values({
      benchmarkId: bench.id,
      position: 0,
      trajectoryId: inBench.samples[1].trajectoryId,
      sourceSha: inBench.samples[1].sourceSha,
      referenceSha: inBench.samples[1].sourceSha,
      split: "quality",
    });
    await expect(createExport({ ctx, input: { format: "verl-policy", name: "leak2", snapshotId: inBench.snapshotId } })).rejects.toThrow(
      inBench.samples[1].trajectoryId,
    );
    // The rounds pipeline leaves them out instead, and says how many.
    const skipped = await createExport({
      ctx,
      input: { format: "verl-policy", name: "skip", snapshotId: inBench.snapshotId, benchmarkItems: "skip" },
    });
    expect(skipped.export.counts).toMatchObject({ rows: 1, benchmarkSkipped: 1 });
    const annotator = createContext({ actor: await makeActor("annotator") });
    await expect(createExport({ ctx: annotator, input: { format: "easyr1-policy", name: "x", snapshotId } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { export: row } = await createExport({ ctx, input: { format: "easyr1-policy", name: "r1-policy", snapshotId, round: 1 } });
    const researcher = await makeActor("researcher");
    const tokenCtx = createContext({ actor: { ...researcher, via: "token", scopes: ["reward"] } });
    await expect(getExportFile({ ctx: tokenCtx, input: { exportId: row.id, path: "manifest.json" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const scoped = createContext({ actor: { ...researcher, via: "token", scopes: ["export"] } });
    // The scope narrows the route; the owner must still hold the role (a demoted owner's token stops working).
    const annotatorToken = createContext({ actor: { ...(await makeActor("annotator")), via: "token", scopes: ["export"] } });
    await expect(getExportFile({ ctx: annotatorToken, input: { exportId: row.id, path: "manifest.json" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await getExportFile({ ctx: scoped, input: { exportId: row.id, path: "manifest.json" } })).blobKey).toBe(row.manifestKey);
    // On local storage a training job is pointed at the resumable download route, one URL per file.
    const urls = await getExportUrls({ ctx: scoped, input: { exportId: row.id }, baseUrl: "http://studio:3000/" });
    expect(urls.signed).toBe(false);
    expect(urls.files.map((f) => f.url)).toContain(`http://studio:3000/api/v1/exports/${row.id}/files/train.parquet`);
    expect(urls.files).toHaveLength(row.files.length + 1);
  });
});
