// Contract tests of the openai-compatible backend against a loopback server
// replaying vLLM and SGLang response shapes: every case must end in a parsed
// result or a recorded failure, the breaker must open and close, and every
// call must leave exactly one inference_calls row.
import { existsSync } from "node:fs";
import { Queue } from "bullmq";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { CALL_STATUSES, inferenceCalls } from "@/db/schema";
import { systemContext } from "@/lib/context";
import { bullPrefix, createRedis } from "@/lib/queue/connection";
import { getBlobStore } from "@/lib/storage";
import { samplePhoto } from "@/test/images";
import { startWireServer, type WireServer } from "@/test/openai-wire-server";
import {
  closeBreaker,
  closeInferenceRedis,
  createModel,
  getBreakerState,
  linkQueueToEndpoint,
  runRole,
  setModelActive,
  slotsInUse,
  stopBreakerProbers,
  updateModel,
  type InferenceResult,
} from "..";
import { acquireSlot } from "./concurrency-limiter";
import { endpointKey, gatewayKey, inferenceRedis } from "./redis";

const ctx = systemContext();
const source = { bytes: samplePhoto("coffee.jpg") };
const ANNOTATION = {
  intentions: {
    short: "Make it brighter.",
    medium: "Brighten the photo and add contrast.",
    long: "The photo is dark. Brighten it and add contrast.",
  },
  reasoning: "Exposure +0.8 EV lifts the mean luminance.",
};
const suffix = Math.random().toString(36).slice(2, 8);

let server: WireServer;
const modelIds: Record<string, string> = {};
const callIds: number[] = [];

/** Runs the annotator and remembers the call id, so the test can check no call is lost. */
async function annotate(extra = ""): Promise<InferenceResult<unknown>> {
  const r = await runRole({ ctx, role: "annotator", input: { source, params: { Exposure2012: 0.8, Contrast2012: 20 + extra.length } } });
  callIds.push(r.callId);
  return r;
}
const rowOf = async (id: number) => (await getDb().select().from(inferenceCalls).where(eq(inferenceCalls.id, id)))[0];

beforeAll(async () => {
  Object.assign(process.env, {
    INFERENCE_BACKOFF_MS: "5",
    INFERENCE_BACKOFF_MAX_MS: "40",
    INFERENCE_BREAKER_THRESHOLD: "3",
    INFERENCE_BREAKER_PROBE_MS: "100",
    MODEL_KEY_CONTRACT_TEST: "sk-contract-test",
  });
  server = await startWireServer({ servedModels: ["glm-test"] });
  const common = {
    backend: "openai-compatible" as const,
    endpoint: server.url,
    servedModel: "glm-test",
    pixelBudget: 65_536,
    timeoutMs: 400,
    maxRetries: 2,
    formatRetries: 1,
    apiKeyEnv: "MODEL_KEY_CONTRACT_TEST",
    active: true,
  };
  for (const role of ["annotator", "policy", "reward"] as const) {
    const m = await createModel({
      ctx,
      input: { ...common, name: `${role}-wire-${suffix}`, role, temperature: role === "annotator" ? 0.6 : 0 },
    });
    modelIds[role] = m.id;
  }
});

afterAll(async () => {
  for (const id of Object.values(modelIds)) await setModelActive({ ctx, input: { id, active: false } });
  stopBreakerProbers();
  await server.close();
  await closeInferenceRedis();
});

beforeEach(async () => {
  await closeBreaker(server.url);
  server.setFallback({ content: JSON.stringify(ANNOTATION) });
  server.setHealthy(true);
});

describe("openai-compatible backend: response shapes", () => {
  it("reads a vLLM answer wrapped in GLM box tokens and a code fence, with reasoning in `reasoning`", async () => {
    server.script({
      flavor: "vllm",
      reasoning: "The target is brighter.",
      content: `<|begin_of_box|>\`\`\`json\n${JSON.stringify(ANNOTATION)}\n\`\`\`<|end_of_box|>`,
    });
    const before = server.requests.length;
    const r = await annotate();
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.output).toMatchObject({ intentions: { short: "Make it brighter." } });
    const row = await rowOf(r.callId);
    expect(row).toMatchObject({
      status: "ok",
      role: "annotator",
      backend: "openai-compatible",
      promptId: "annotator/v1",
      reasoning: "The target is brighter.",
      promptTokens: 812,
    });
    expect(row.promptVersion).toMatch(/^[0-9a-f]{64}$/);
    const req = server.requests[before];
    expect(req.headers.authorization).toBe("Bearer sk-contract-test");
    const body = req.body as { model: string; response_format?: { type: string }; guided_json?: unknown; messages: { content: unknown }[] };
    expect(body.model).toBe("glm-test");
    expect(body.response_format?.type).toBe("json_schema");
    expect(body).not.toHaveProperty("guided_json");
    const parts = body.messages[1].content as { type: string; image_url?: { url: string } }[];
    expect(parts.filter((p) => p.type === "image_url").map((p) => p.image_url?.url.slice(0, 23))).toEqual([
      "data:image/jpeg;base64,",
      "data:image/jpeg;base64,",
    ]);
  });

  it("answers from SGLang's reasoning_content when the content is empty", async () => {
    server.script({ flavor: "sglang", content: null, reasoning: JSON.stringify(ANNOTATION) });
    const r = await annotate("sglang");
    expect(r.ok).toBe(true);
    expect((await rowOf(r.callId)).status).toBe("ok");
  });

  it("retries a truncated JSON answer and records a format failure when it stays truncated", async () => {
    const cut = JSON.stringify(ANNOTATION).slice(0, 40);
    server.script({ content: cut, finishReason: "length" });
    const recovered = await annotate("t1");
    expect(recovered.ok).toBe(true);
    expect((await rowOf(recovered.callId)).attempts).toBe(2);

    server.script({ content: cut, finishReason: "length" }, { content: cut, finishReason: "length" });
    const failed = await annotate("t2");
    expect(failed).toMatchObject({ ok: false, status: "format_error" });
    const row = await rowOf(failed.callId);
    expect(row).toMatchObject({ status: "format_error", rawOutput: cut });
    expect(row.error).toMatch(/max_tokens/);
  });

  it("survives a body that is not JSON", async () => {
    server.script({ rawBody: "<html>bad gateway</html>" }, { rawBody: "<html>bad gateway</html>" }, { rawBody: "<html>" });
    const r = await annotate("raw");
    expect(r).toMatchObject({ ok: false, status: "http_error" });
  });
});

describe("openai-compatible backend: errors and retries", () => {
  it("retries a 429 (honouring a short Retry-After) and a 500, then succeeds", async () => {
    server.script({ status: 429 }, { status: 500 });
    const r = await annotate("429");
    expect(r.ok).toBe(true);
    expect((await rowOf(r.callId)).attempts).toBe(3);
  });

  it("gives up after maxRetries with http_error", async () => {
    server.script({ status: 500 }, { status: 500 }, { status: 500 });
    const r = await annotate("500");
    expect(r).toMatchObject({ ok: false, status: "http_error" });
    expect((await rowOf(r.callId)).attempts).toBe(3);
  });

  it("ends a hang past the timeout as `timeout`, and counts hangs toward the breaker", async () => {
    server.script({ hang: true }, { hang: true }, { hang: true });
    const r = await annotate("hang");
    expect(r).toMatchObject({ ok: false, status: "timeout" });
    expect(await getBreakerState(server.url)).toMatchObject({ state: "open", failures: 3 });
  });

  it("a success resets the consecutive-failure count", async () => {
    server.script({ status: 500 }, { status: 502 });
    const r = await annotate("reset");
    expect(r.ok).toBe(true);
    expect(await getBreakerState(server.url)).toMatchObject({ state: "closed", failures: 0 });
  });
});

describe("circuit breaker", () => {
  it("opens when the server goes down, pauses a linked queue, fails fast, and closes when /health answers again", async () => {
    const queueName = `inference-breaker-${suffix}`;
    const connection = createRedis({ forWorker: false });
    const queue = new Queue(queueName, { connection, prefix: bullPrefix() });
    await linkQueueToEndpoint({ queue: queueName, endpoint: server.url });
    try {
      await server.down();
      const first = await annotate("down");
      expect(first).toMatchObject({ ok: false, status: "unavailable" });
      expect(await getBreakerState(server.url)).toMatchObject({ state: "open" });
      expect(await queue.isPaused()).toBe(true);

      const seen = server.counts.completions;
      const fast = await annotate("down2");
      expect(fast).toMatchObject({ ok: false, status: "unavailable" });
      expect((fast as { error: string }).error).toMatch(/circuit breaker open/);
      expect(server.counts.completions).toBe(seen);

      await server.up();
      await expect.poll(async () => (await getBreakerState(server.url)).state, { timeout: 3_000, interval: 50 }).toBe("closed");
      expect(await queue.isPaused()).toBe(false);
      const back = await annotate("up");
      expect(back.ok).toBe(true);
    } finally {
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      connection.disconnect();
    }
  });

  it("stays open while a linked queue cannot be resumed, so the next probe tries again", async () => {
    const linked = gatewayKey("breaker", endpointKey(server.url), "queues");
    const unresumable = `bad:${suffix}`; // BullMQ refuses a queue name with a colon
    await linkQueueToEndpoint({ queue: unresumable, endpoint: server.url });
    try {
      await server.down();
      expect(await annotate("down3")).toMatchObject({ ok: false, status: "unavailable" });
      await server.up();
      const probed = server.counts.health;
      await expect.poll(() => server.counts.health, { timeout: 3_000, interval: 50 }).toBeGreaterThanOrEqual(probed + 2);
      expect(await getBreakerState(server.url)).toMatchObject({ state: "open" });
    } finally {
      await inferenceRedis().srem(linked, unresumable);
    }
    await expect.poll(async () => (await getBreakerState(server.url)).state, { timeout: 3_000, interval: 50 }).toBe("closed");
  });
});

describe("gateway behaviour", () => {
  it("serves identical deterministic requests from the call log without calling the server", async () => {
    const input = {
      instruction: "Make it warmer",
      source,
      a: { params: { IncrementalTemperature: 20 } },
      b: { params: { IncrementalTemperature: -5 } },
    };
    server.script({ content: JSON.stringify({ metrics: [{ name: "Warmth", description: "yellower" }], scores: { A: 8, B: 3 } }) });
    const first = await runRole({ ctx, role: "reward", input });
    const seen = server.counts.completions;
    const second = await runRole({ ctx, role: "reward", input });
    callIds.push(first.callId);
    expect(first).toMatchObject({ ok: true, cached: false });
    expect(second).toMatchObject({ ok: true, cached: true, callId: first.callId });
    if (second.ok) expect(second.output.scores).toEqual({ A: 8, B: 3 });
    expect(server.counts.completions).toBe(seen);
  });

  it("samples n policy rollouts in one request, sending no json_schema", async () => {
    const texts = ['<think>lift it</think><answer>{"Exposure2012": 0.6}</answer>', "{exposure=+0.3; contrast=10}", "I cannot edit this."];
    server.script({ contents: texts });
    const before = server.requests.length;
    const r = await runRole({ ctx, role: "policy", input: { source, instruction: `brighter ${suffix}`, n: 3 } });
    callIds.push(r.callId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.output.samples.map((s) => s.format)).toEqual(["jarvisart", "retouchiq", "unknown"]);
    expect(r.output.samples[0].params).toEqual({ Exposure2012: 0.6 });
    const body = server.requests[before].body as Record<string, unknown>;
    expect(body.n).toBe(3);
    expect(body).not.toHaveProperty("response_format");
  });

  it("hands images over as file:// paths when the server reads the blob store", async () => {
    await updateModel({ ctx, input: { id: modelIds.reward, imageTransport: "file-url" } });
    try {
      const store = getBlobStore();
      const { key } = await store.put(samplePhoto("chelsea-cat.jpg"), { contentType: "image/jpeg" });
      server.script({ content: JSON.stringify({ metrics: [{ name: "Warmth", description: "yellower" }], scores: { A: 6, B: 4 } }) });
      const before = server.requests.length;
      const r = await runRole({
        ctx,
        role: "reward",
        input: {
          instruction: "warmer",
          source: { sha256: key },
          a: { params: { IncrementalTemperature: 10 } },
          b: { image: { sha256: key } },
        },
      });
      callIds.push(r.callId);
      expect(r.ok).toBe(true);
      const parts = (server.requests[before].body as { messages: { content: { type: string; image_url?: { url: string } }[] }[] })
        .messages[1].content;
      const urls = parts.filter((p) => p.type === "image_url").map((p) => p.image_url!.url);
      expect(urls[0]).toBe(`file://${store.pathFor!(key)}`);
      expect(urls[2]).toBe(urls[0]);
      // The rendered edit was stored first, so the server can read it too.
      expect(urls[1]).toMatch(/^file:\/\//);
      expect(existsSync(urls[1].slice("file://".length))).toBe(true);
    } finally {
      await updateModel({ ctx, input: { id: modelIds.reward, imageTransport: "data" } });
    }
  });

  it("keeps requests in flight within the endpoint's shared concurrency limit", async () => {
    await updateModel({ ctx, input: { id: modelIds.annotator, concurrency: 2 } });
    server.setFallback({ content: JSON.stringify(ANNOTATION), delayMs: 60 });
    server.counts.maxInFlight = 0;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => annotate(`c${i}`.repeat(i + 1))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.counts.maxInFlight).toBe(2);
    await updateModel({ ctx, input: { id: modelIds.annotator, concurrency: 8 } });
  });

  it("frees a slot held by a crashed process when its lease expires", async () => {
    const endpoint = `http://127.0.0.1:1/crashed-${suffix}/v1`;
    const held = await acquireSlot({ endpoint, limit: 1, leaseMs: 150, waitMs: 0 });
    expect(held.kind).toBe("slot");
    // The holder "crashes": it never releases. Others wait, then get the slot once the lease runs out.
    await expect(acquireSlot({ endpoint, limit: 1, leaseMs: 150, waitMs: 0 })).rejects.toThrow(/no free slot/);
    const next = await acquireSlot({ endpoint, limit: 1, leaseMs: 150, waitMs: 2_000 });
    expect(next.kind).toBe("slot");
    if (next.kind === "slot") await next.release();
    expect(await slotsInUse(endpoint)).toBe(0);
  });

  it("lost no call: every call above has exactly one row with a final status", async () => {
    const rows = await getDb().select().from(inferenceCalls).where(inArray(inferenceCalls.id, callIds));
    expect(rows).toHaveLength(new Set(callIds).size);
    expect(rows.every((r) => (CALL_STATUSES as readonly string[]).includes(r.status))).toBe(true);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of CALL_STATUSES) expect(statuses.has(s), `a call ended as ${s}`).toBe(true);
  });
});
