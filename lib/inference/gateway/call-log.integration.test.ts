import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { inferenceCalls, models } from "@/db/schema";
import { systemContext } from "@/lib/context";
import { startWireServer, type WireServer } from "@/test/openai-wire-server";
import { waitFor } from "@/test/wait-for";
import { finishCall, startCall, type CallStart } from "./call-log";
import { sweepAbandonedCalls } from "./sweep-abandoned-calls";

describe("call log: group commit", () => {
  const start = (hash: string): CallStart => ({
    requestHash: hash,
    role: "policy",
    modelId: null,
    modelName: "group-commit-test",
    backend: "heuristic",
    promptId: "policy/v1",
    promptVersion: "test",
    temperature: 0,
    inputs: { hash },
    deadlineAt: new Date(Date.now() + 60_000),
  });

  it("calls starting and ending together each get their own row, whatever batch carried them", async () => {
    const tag = `gc-${Date.now()}`;
    const hashes = Array.from({ length: 40 }, (_, i) => `${tag}-${i}`);
    const started = await Promise.all(hashes.map((h) => startCall(getDb(), start(h), { lookup: false })));
    expect(new Set(started.map((s) => s.id)).size).toBe(hashes.length);
    // Finishes of the first half travel with the starts of a second wave.
    const second = hashes.map((h) => `${h}-again`);
    const [, again] = await Promise.all([
      Promise.all(
        started.slice(0, 20).map(({ id }, i) =>
          finishCall(getDb(), id, start(hashes[i]), {
            status: "ok",
            attempts: 1,
            latencyMs: i,
            rawOutput: `answer ${i}\u0000!`,
            parsed: { i },
          }),
        ),
      ),
      Promise.all(second.map((h) => startCall(getDb(), start(h), { lookup: true }))),
    ]);
    const rows = await getDb()
      .select()
      .from(inferenceCalls)
      .where(sql`${inferenceCalls.requestHash} like ${`${tag}-%`}`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    hashes.forEach((h, i) => expect(byId.get(started[i].id)?.requestHash).toBe(h));
    second.forEach((h, i) => expect(byId.get(again[i].id)?.requestHash).toBe(h));
    started.slice(0, 20).forEach(({ id }, i) =>
      // jsonb cannot hold NUL: the model's NUL is stored as U+FFFD instead of failing the batch.
      expect(byId.get(id)).toMatchObject({ status: "ok", latencyMs: i, rawOutput: `answer ${i}\uFFFD!`, parsed: { i }, deadlineAt: null }),
    );
    started.slice(20).forEach(({ id }) => expect(byId.get(id)?.status).toBe("started"));
    // The lookup reads finished answers: the cache of a hash answered in an earlier flush.
    const hit = await startCall(getDb(), start(hashes[3]), { lookup: true });
    expect(hit.hit).toEqual({ id: started[3].id, parsed: { i: 3 } });
  });

  it("a finish whose started row is gone (committed without waiting for the disk, lost in a PostgreSQL crash) writes the whole row", async () => {
    const hash = `gc-lost-${Date.now()}`;
    const { id } = await startCall(getDb(), start(hash), { lookup: false });
    await getDb().delete(inferenceCalls).where(eq(inferenceCalls.id, id));
    await finishCall(getDb(), id, start(hash), { status: "ok", attempts: 2, latencyMs: 7, rawOutput: "answer", parsed: { ok: true } });
    const [row] = await getDb().select().from(inferenceCalls).where(eq(inferenceCalls.id, id));
    expect(row).toMatchObject({
      requestHash: hash,
      role: "policy",
      promptId: "policy/v1",
      inputs: { hash },
      status: "ok",
      attempts: 2,
      latencyMs: 7,
      parsed: { ok: true },
      deadlineAt: null,
    });
    expect(row.finishedAt).not.toBeNull();
  });
});

describe("call log: started rows", () => {
  let server: WireServer;
  const name = `mid-call-${Date.now()}`;
  beforeAll(async () => {
    server = await startWireServer({ fallback: { hang: true } });
  });
  afterAll(async () => {
    await getDb().update(models).set({ active: false }).where(eq(models.name, name));
    await server.close();
  });

  it("a process SIGKILLed mid-call leaves a started row, which the sweeper marks abandoned after its deadline", async () => {
    const marker = `kill me mid-call ${name}`;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "test/mid-call-child.ts", server.url, name, marker],
      {
        env: { ...process.env, INFERENCE_ABANDON_MARGIN_MS: "0", INFERENCE_CALL_LOG: "sync" },
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    const rowOf = async () =>
      (
        await getDb()
          .select()
          .from(inferenceCalls)
          .where(sql`${inferenceCalls.inputs}->>'instruction' = ${marker}`)
      )[0];
    const started = await waitFor(
      async () => (await rowOf())?.status === "started" && server.counts.inFlight > 0 && (await rowOf()),
      30_000,
      "the started row",
    );
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect((await rowOf()).status).toBe("started");
    // Before the deadline nothing is touched; after it the row is accounted for.
    expect(started.deadlineAt!.getTime() - started.createdAt.getTime()).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, Math.max(0, started.deadlineAt!.getTime() - Date.now() + 200)));
    const { abandoned } = await sweepAbandonedCalls({ ctx: systemContext() });
    expect(abandoned).toBeGreaterThanOrEqual(1);
    expect(await rowOf()).toMatchObject({ status: "abandoned", error: expect.stringMatching(/ended before it finished/) });
  });
});
