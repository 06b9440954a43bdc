import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { inferenceCalls, models } from "@/db/schema";
import { systemContext } from "@/lib/context";
import { startWireServer, type WireServer } from "@/test/openai-wire-server";
import { waitFor } from "@/test/wait-for";
import { sweepAbandonedCalls } from "./sweep-abandoned-calls";

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
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "test/mid-call-child.ts", server.url, name, marker], {
      env: { ...process.env, INFERENCE_ABANDON_MARGIN_MS: "0", INFERENCE_CALL_LOG: "sync" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const rowOf = async () =>
      (await getDb().select().from(inferenceCalls).where(sql`${inferenceCalls.inputs}->>'instruction' = ${marker}`))[0];
    const started = await waitFor(async () => (await rowOf())?.status === "started" && server.counts.inFlight > 0 && (await rowOf()), 30_000, "the started row");
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
