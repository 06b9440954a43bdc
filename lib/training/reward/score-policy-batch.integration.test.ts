import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rewardResults } from "@/db/schema";
import { createContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { seedSamples, type SeededSample } from "@/test/training/training-fixtures";
import { scorePolicyBatch } from "./score-policy-batch";

let ctx: Ctx;
let samples: SeededSample[];

beforeAll(async () => {
  const researcher = await makeActor("researcher");
  ctx = createContext({ actor: { ...researcher, via: "token", scopes: ["reward"] } });
  samples = (await seedSamples(4)).samples;
});

const good = (exposure: number) =>
  `<think>The photo is dark; lift exposure and shadows.</think>\n<answer>{"Exposure2012": ${exposure}, "Shadows2012": 25}</answer>`;
const MALFORMED = [
  "",
  "I would make it brighter.",
  "<answer>{not json</answer>",
  '{"Exposure2012": "very"}',
  "<think>x</think><answer>[1,2]</answer>",
];

describe("scorePolicyBatch (heuristic reward model)", () => {
  it("returns 500 results for 500 mixed rollouts: malformed ones 0 and flagged, out-of-range ones clamped and without the format point", async () => {
    const kinds: ("good" | "malformed" | "range" | "unknown")[] = [];
    const items = Array.from({ length: 500 }, (_, i) => {
      const s = samples[i % samples.length];
      const k = i % 10 < 5 ? "good" : i % 10 < 8 ? "malformed" : i % 10 < 9 ? "range" : "unknown";
      kinds.push(k);
      if (k === "good") return { sample_id: s.instructionId, response: good(0.2 + (i % 7) * 0.1) };
      if (k === "malformed") return { sample_id: s.instructionId, response: MALFORMED[i % MALFORMED.length] + ` #${i}` };
      if (k === "range") return { sample_id: s.instructionId, response: good(9 + (i % 3)) };
      return { sample_id: i % 20 === 9 ? "not-a-uuid" : "00000000-0000-4000-8000-000000000000", response: good(0.5) };
    });
    const { results } = await scorePolicyBatch({ ctx, input: { items } });
    expect(results).toHaveLength(500);
    results.forEach((r, i) => {
      expect(r.sample_id).toBe(items[i].sample_id);
      if (kinds[i] === "malformed")
        expect(r).toMatchObject({ overall: 0, parse_ok: false, format: 0, error: expect.stringMatching(/^parse:/) });
      if (kinds[i] === "unknown") expect(r).toMatchObject({ overall: 0, error: expect.stringMatching(/unknown sample/) });
      if (kinds[i] === "good") {
        expect(r).toMatchObject({ parse_ok: true, render_ok: true, format: 1 });
        expect(r.overall).toBeGreaterThan(0.1);
      }
      if (kinds[i] === "range")
        expect(r).toMatchObject({ parse_ok: true, render_ok: true, format: 0, error: expect.stringMatching(/clamped/) });
    });
    // The reward follows the instruction: brightening scores higher where brighter was asked for than where darker was.
    const mean = (pred: (s: SeededSample) => boolean) => {
      const xs = results
        .filter((r, i) => kinds[i] === "good" && pred(samples.find((s) => s.instructionId === r.sample_id)!))
        .map((r) => r.grm);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean((s) => /brighter/.test(s.instruction))).toBeGreaterThan(mean((s) => /darker/.test(s.instruction)));
  });

  it("is idempotent on (sample_id, response): a retried batch reads the memo and gives identical numbers", async () => {
    const items = [{ sample_id: samples[0].instructionId, response: good(0.33) }];
    const first = await scorePolicyBatch({ ctx, input: items });
    const rows = await getDb().select().from(rewardResults).where(eq(rewardResults.sampleId, samples[0].instructionId));
    expect(rows.length).toBeGreaterThan(0);
    // Poison the memo row: a second call must come from it, not from a fresh render.
    await getDb().update(rewardResults).set({ overall: 0.4242 }).where(eq(rewardResults.sampleId, samples[0].instructionId));
    const second = await scorePolicyBatch({ ctx, input: items });
    expect(second.results[0].overall).toBe(0.4242);
    expect(first.results[0].overall).not.toBe(0.4242);
  });

  it("scores items not started by the deadline 0 and flagged, and refuses tokens without the reward scope", async () => {
    process.env.REWARD_DEADLINE_MS = "1";
    process.env.REWARD_CONCURRENCY = "1";
    try {
      const items = Array.from({ length: 20 }, (_, i) => ({ sample_id: samples[1].instructionId, response: good(0.01 * i + 0.05) }));
      const { results } = await scorePolicyBatch({ ctx, input: items });
      expect(results).toHaveLength(20);
      expect(results.filter((r) => /^deadline/.test(r.error ?? "")).length).toBeGreaterThan(0);
    } finally {
      delete process.env.REWARD_DEADLINE_MS;
      delete process.env.REWARD_CONCURRENCY;
    }
    const researcher = await makeActor("researcher");
    const noScope = createContext({ actor: { ...researcher, via: "token", scopes: ["export"] } });
    await expect(scorePolicyBatch({ ctx: noScope, input: [{ sample_id: "x", response: "y" }] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(scorePolicyBatch({ ctx, input: { items: [] } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(scorePolicyBatch({ ctx, input: { items: [{ sample_id: "x", response: "y" }], round: 99_999 } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
