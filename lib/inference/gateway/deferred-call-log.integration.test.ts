// INFERENCE_CALL_LOG=async: calls return with their row id at once, rows are
// written in background batches, and flushCallLog() leaves none behind.
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { inferenceCalls, models } from "@/db/schema";
import { systemContext } from "@/lib/context";
import { samplePhoto } from "@/test/images";
import { flushCallLog, invalidateModelCache, runRole } from "..";

beforeAll(async () => {
  await getDb().update(models).set({ active: false });
  invalidateModelCache();
  process.env.INFERENCE_CALL_LOG = "async";
});
afterAll(() => {
  delete process.env.INFERENCE_CALL_LOG;
});

it("returns ids at once and writes every row by the time the log is flushed", async () => {
  const source = { bytes: samplePhoto("honey-bee.jpg") };
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) => runRole({ ctx: systemContext(), role: "policy", input: { source, instruction: `warmer ${i}` } })),
  );
  const ids = results.map((r) => r.callId);
  expect(new Set(ids).size).toBe(40);
  await flushCallLog();
  const rows = await getDb().select().from(inferenceCalls).where(inArray(inferenceCalls.id, ids));
  expect(rows).toHaveLength(40);
  const byId = new Map(rows.map((r) => [r.id, r]));
  results.forEach((r, i) => {
    expect(byId.get(r.callId)?.status).toBe("ok");
    expect((byId.get(r.callId)?.inputs as { instruction: string }).instruction).toBe(`warmer ${i}`);
  });
});
