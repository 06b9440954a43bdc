import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { trajectories } from "@/db/schema";
import { createContext, type Ctx } from "@/lib/context";
import { manifestWithBadRows, type ManifestCase } from "@/test/corpus/corpus-fixtures";
import { makeActor } from "@/test/actors";
import { getCorpusCounts } from "../browse/get-corpus-counts";
import { listTrajectories } from "../browse/list-trajectories";
import { createImport } from "./create-import";
import { getImportOrThrow } from "./get-import";
import { runImport } from "./run-import";

let ctx: Ctx;
let fixture: ManifestCase;
let firstImportId: string;

beforeAll(async () => {
  ctx = createContext({ actor: await makeActor("researcher") });
  fixture = await manifestWithBadRows();
});

const importOnce = async () => {
  const run = await createImport({ ctx, input: { path: fixture.path } });
  await runImport({ ctx, input: { importId: run.id } });
  return getImportOrThrow({ ctx, input: { id: run.id } });
};

describe("manifest import", () => {
  it("imports the 15 good rows and reports the 5 bad ones with their line and reason", async () => {
    const report = await importOnce();
    firstImportId = report.id;
    expect(report).toMatchObject({ status: "done", total: 20, imported: 15, duplicates: 0, failed: 5 });
    expect(report.failures.map((f) => f.line)).toEqual(fixture.bad.map((b) => b.line));
    for (const [i, b] of fixture.bad.entries()) expect(report.failures[i].reason).toMatch(b.reason);

    const rows = await getDb().select().from(trajectories).where(eq(trajectories.importId, report.id));
    expect(rows).toHaveLength(15);
    const byExposure = new Map(rows.map((r) => [(r.params as { Exposure2012?: number }).Exposure2012 ?? 0, r]));
    for (const g of fixture.good) {
      const row = byExposure.get(g.exposure)!;
      expect(row, `line ${g.line}`).toBeDefined();
      expect(row.targetSha).toMatch(/^[0-9a-f]{64}$/);
      // A supplied after image is compared with the engine's render; a missing one is rendered.
      expect(row.targetRendered).toBe(!g.withAfter);
      if (g.withAfter) {
        expect(row.fidelityL1).toBeGreaterThan(0);
        expect(row.fidelityDeltaE).toBeGreaterThan(0);
      } else expect(row.fidelityL1).toBeNull();
      expect(row.externalId).toBe(`row-${g.line}`);
    }
  });

  it("adds nothing when the same manifest is imported again", async () => {
    const before = await getDb().$count(trajectories);
    const report = await importOnce();
    expect(report).toMatchObject({ imported: 0, duplicates: 15, failed: 5 });
    expect(await getDb().$count(trajectories)).toBe(before);
  });

  it("resumes a run without redoing finished rows", async () => {
    const again = await runImport({ ctx, input: { importId: firstImportId } });
    expect(again).toMatchObject({ total: 20, done: 20, imported: 15, failed: 5 });
    expect(await getDb().$count(trajectories, eq(trajectories.importId, firstImportId))).toBe(15);
  });

  it("keeps the dashboard counts equal to a GROUP BY over the table", async () => {
    const truth = (await getDb().execute(sql`select status, category, count(*)::int as n from trajectories group by 1, 2`)) as unknown as {
      status: string;
      category: string;
      n: number;
    }[];
    const counts = await getCorpusCounts({ ctx });
    for (const t of truth) expect(counts.byStatusCategory[t.status]?.[t.category]).toBe(t.n);
    expect(counts.total).toBe(await getDb().$count(trajectories));
  });

  it("pages through the import with keyset pagination and filters by parameter range", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTrajectories({ ctx, input: { importId: firstImportId, limit: 4, cursor } });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(15);
    expect(new Set(seen).size).toBe(15);

    const bright = await listTrajectories({ ctx, input: { importId: firstImportId, param: "Exposure2012>0.5" } });
    expect(bright.items).toHaveLength(fixture.good.filter((g) => g.exposure > 0.5).length);
    await expect(listTrajectories({ ctx, input: { param: "Bogus>1" } })).rejects.toThrow(/unknown numeric parameter/);
  });

  it("refuses an annotator who is not a researcher", async () => {
    const annotator = createContext({ actor: await makeActor("annotator") });
    await expect(createImport({ ctx: annotator, input: { path: fixture.path } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listTrajectories({ ctx: annotator, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
