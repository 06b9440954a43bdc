import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { instructions, snapshotItems, trajectories } from "@/db/schema";
import { createContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { uniquePhoto } from "@/test/images";
import { updateTrajectories } from "../browse/update-trajectories";
import { createImport } from "../import/create-import";
import { runImport } from "../import/run-import";
import { stageUpload } from "../import/stage-upload";
import { createSnapshot } from "../snapshots/create-snapshot";
import type { Annotator } from "./annotator-port";
import { annotateTrajectory } from "./annotate-trajectory";

let ctx: Ctx;
let ids: string[];
let importId: string;
let darkened: string;

/** An annotator that always claims the photo got brighter, whatever the edit did. */
const alwaysBrighter: Annotator = async () => ({
  intentions: { short: "Make it brighter.", medium: "Make it brighter and cleaner.", long: "The photo is dull; make it brighter." },
  reasoning: "Exposure2012 goes up to brighten the photo.",
  model: { id: "m-test", name: "test-model", backend: "openai-compatible" },
  promptVersion: "annotate-test-v2",
});

beforeAll(async () => {
  process.env.IMPORT_STAGING_DIR = mkdtempSync(join(tmpdir(), "riq-staging-"));
  ctx = createContext({ actor: await makeActor("researcher") });
  const dir = mkdtempSync(join(tmpdir(), "riq-annotate-"));
  const lines: string[] = [];
  for (const [i, name] of ["astronaut.jpg", "coffee.jpg", "honey-bee.jpg", "chelsea-cat.jpg"].entries()) {
    writeFileSync(join(dir, `p${i}.jpg`), await uniquePhoto(name));
    // Darkening edits, except the last which is too small to have an intention.
    const params = i < 3 ? { Exposure2012: -1.2 - i * 0.2, Shadows2012: -20 } : { Exposure2012: 0.02 };
    lines.push(JSON.stringify({ before: `p${i}.jpg`, params, split: i === 0 ? "test" : "train" }));
  }
  writeFileSync(join(dir, "m.jsonl"), lines.join("\n"));
  const run = await createImport({ ctx, input: { path: join(dir, "m.jsonl") } });
  importId = run.id;
  await runImport({ ctx, input: { importId } });
  const rows = await getDb().select().from(trajectories).where(eq(trajectories.importId, importId));
  ids = rows.map((r) => r.id);
  darkened = rows.find((r) => ((r.params as { Exposure2012?: number }).Exposure2012 ?? 0) < -1)!.id;
});

describe("annotation pipeline", () => {
  it("writes three variants with the heuristic annotator and sends a too-small edit to filtered_out with its reason", async () => {
    const results = await Promise.all(ids.map((id) => annotateTrajectory({ ctx, input: { trajectoryId: id, version: 1 } })));
    const small = results.find((r) => r.reasons.some((x) => x.filter === "edit-too-small"));
    expect(small?.status).toBe("filtered_out");
    const [row] = await getDb().select().from(trajectories).where(eq(trajectories.id, small!.trajectoryId));
    expect(row.status).toBe("filtered_out");
    const again = await annotateTrajectory({ ctx, input: { trajectoryId: ids[0], version: 1 } });
    expect(again.skipped).toBe(true);
    expect(await getDb().$count(instructions, eq(instructions.trajectoryId, ids[0]))).toBe(3);
  });

  it("re-annotation with another model adds version 2 and leaves version 1 untouched; a contradiction is filtered", async () => {
    const v1 = await getDb()
      .select()
      .from(instructions)
      .where(and(eq(instructions.trajectoryId, darkened), eq(instructions.version, 1)));
    const r = await annotateTrajectory({ ctx, input: { trajectoryId: darkened, version: 2 }, annotator: alwaysBrighter });
    expect(r.status).toBe("filtered_out");
    expect(r.reasons.find((x) => x.filter === "contradicts-deltas")?.reason).toMatch(/says "brighter".*went down/);
    const all = await getDb().select().from(instructions).where(eq(instructions.trajectoryId, darkened));
    expect(all).toHaveLength(6);
    expect(all.filter((i) => i.version === 2).every((i) => i.modelName === "test-model" && i.promptVersion === "annotate-test-v2")).toBe(
      true,
    );
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(all.filter((i) => i.version === 1).sort(byId)).toEqual([...v1].sort(byId));
  });
});

describe("snapshots", () => {
  it("freezes a selection by content hash, leaving out excluded rows and the test split", async () => {
    const filter = { importId };
    const first = await createSnapshot({ ctx, input: { name: "a", filter } });
    expect(first.created).toBe(true);
    // Three train rows; the test-split row is left out by default.
    expect(first.snapshot.itemCount).toBe(3);
    const again = await createSnapshot({ ctx, input: { name: "same selection", filter } });
    expect(again).toMatchObject({ created: false, snapshot: { id: first.snapshot.id, hash: first.snapshot.hash } });

    const withTest = await createSnapshot({ ctx, input: { name: "with test", filter, excludeTest: false } });
    expect(withTest.snapshot.itemCount).toBe(4);
    expect(withTest.snapshot.hash).not.toBe(first.snapshot.hash);

    const trainIds = (
      await getDb().select({ id: snapshotItems.trajectoryId }).from(snapshotItems).where(eq(snapshotItems.snapshotId, first.snapshot.id))
    ).map((r) => r.id);
    await updateTrajectories({ ctx, input: { action: "exclude", ids: [trainIds[0]] } });
    const afterExclude = await createSnapshot({ ctx, input: { name: "b", filter } });
    expect(afterExclude.snapshot.itemCount).toBe(2);
    // The first snapshot is immutable: its items did not change.
    expect(await getDb().$count(snapshotItems, eq(snapshotItems.snapshotId, first.snapshot.id))).toBe(3);
  });
});

describe("web import staging", () => {
  it("stages a dropped folder and records an import of it; refuses paths that escape the upload", async () => {
    const bytes = await uniquePhoto("rocket-launch.jpg");
    const xmp = new TextEncoder().encode(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:Exposure2012="+0.80"/></rdf:RDF></x:xmpmeta>',
    );
    const staged = await stageUpload({
      ctx,
      input: {
        files: [
          { path: "shoot/rocket.jpg", bytes },
          { path: "shoot/rocket.xmp", bytes: xmp },
        ],
      },
    });
    const result = await runImport({ ctx, input: { importId: staged.importId } });
    expect(result).toMatchObject({ total: 1, imported: 1, failed: 0 });
    await expect(stageUpload({ ctx, input: { files: [{ path: "../evil.jpg", bytes }] } })).rejects.toMatchObject({ code: "VALIDATION" });
    const annotator = createContext({ actor: await makeActor("annotator") });
    await expect(stageUpload({ ctx: annotator, input: { files: [{ path: "a.jpg", bytes }] } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
