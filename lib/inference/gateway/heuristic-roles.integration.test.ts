// Every role through the gateway with no model configured: the built-in
// heuristic answers, labelled as such, and each call is logged (and cached).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { inferenceCalls, models } from "@/db/schema";
import { createContext, systemContext } from "@/lib/context";
import { getBlobStore } from "@/lib/storage";
import { makeActor } from "@/test/actors";
import { samplePhoto } from "@/test/images";
import { annotate, invalidateModelCache, judgeEdit, perturb, proposeEdit, scorePair } from "..";

const ctx = systemContext();
let sha256: string;

beforeAll(async () => {
  // This file tests the fallback: no role may have an active model.
  await getDb().update(models).set({ active: false });
  invalidateModelCache();
  sha256 = (await getBlobStore().put(samplePhoto("citrus-fruits.jpg"), { contentType: "image/jpeg" })).key;
});

const rowOf = async (id: number) => (await getDb().select().from(inferenceCalls).where(eq(inferenceCalls.id, id)))[0];

describe("heuristic backend through the gateway", () => {
  it("annotates an edit of a stored image, cites statistics, logs the call and caches it", async () => {
    const input = { source: { sha256 }, params: { Exposure2012: 0.9, IncrementalTemperature: 25 } };
    const r = await annotate({ ctx, input });
    expect(r).toMatchObject({ ok: true, cached: false, model: { id: null, name: "heuristic-annotator", backend: "heuristic" } });
    if (!r.ok) return;
    expect(r.output.intentions.short.toLowerCase()).toMatch(/bright/);
    expect(r.output.intentions.medium.toLowerCase()).toMatch(/warm/);
    expect(r.output.reasoning).toMatch(/mean luminance \d/i);
    expect(await rowOf(r.callId)).toMatchObject({
      status: "ok",
      backend: "heuristic",
      modelName: "heuristic-annotator",
      promptId: "annotator/v1",
    });
    const row = await rowOf(r.callId);
    expect((row.inputs as { images: string[] }).images[0]).toBe(`image:${sha256}`);

    const again = await annotate({ ctx, input: { ...input, params: { IncrementalTemperature: 25, Exposure2012: 0.9 } } });
    expect(again).toMatchObject({ ok: true, cached: true, callId: r.callId });
  });

  it("perturbs an edit into a weaker one and says what changed", async () => {
    const params = { Exposure2012: 0.8, Contrast2012: 30, Vibrance: 20 };
    const r = await perturb({ ctx, input: { source: { sha256 }, params, instruction: "Brighten the photo and add contrast." } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.output.params).not.toEqual(params);
    expect(r.output.note).toMatch(/Exposure2012|Contrast2012/);
  });

  it("proposes n policy samples in the JarvisArt format", async () => {
    const r = await proposeEdit({ ctx, input: { source: { sha256 }, instruction: "Make it warmer and brighter", n: 3 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.output.samples).toHaveLength(3);
    expect(r.output.samples.every((s) => s.formatOk && s.text.startsWith("<think>"))).toBe(true);
    expect(new Set(r.output.samples.map((s) => JSON.stringify(s.params))).size).toBe(3);
    expect(r.output.samples[0].params.IncrementalTemperature).toBeGreaterThan(0);
  });

  it("scores the edit that follows the instruction above one that does not", async () => {
    const r = await scorePair({
      ctx,
      input: { instruction: "Make it warmer", source: { sha256 }, a: { params: {} }, b: { params: { IncrementalTemperature: 30 } } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.output.metrics[0].name).toBe("Warmth");
    expect(r.output.scores.B).toBeGreaterThan(r.output.scores.A);
  });

  it("judges with either PQ wording and records which", async () => {
    for (const pqWording of ["perceptual_quality", "content_consistency"] as const) {
      const r = await judgeEdit({
        ctx,
        input: {
          instruction: "brighter",
          source: { bytes: samplePhoto("coffee.jpg") },
          output: { params: { Exposure2012: 0.7 } },
          pqWording,
        },
      });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.output.pqWording).toBe(pqWording);
      expect(r.output.o).toBeCloseTo(Math.sqrt(r.output.sc * r.output.pq), 2);
      expect(r.output.sc).toBeGreaterThan(5);
    }
  });

  it("refuses an unknown image and an empty instruction without logging a call", async () => {
    const before = (await getDb().select().from(inferenceCalls)).length;
    await expect(annotate({ ctx, input: { source: { sha256: "0".repeat(64) }, params: {} } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      scorePair({ ctx, input: { instruction: " ", source: { sha256 }, a: { params: {} }, b: { params: {} } } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await getDb().select().from(inferenceCalls)).length).toBe(before);
  });

  it("lets researchers call roles and refuses annotators", async () => {
    const researcher = createContext({ actor: await makeActor("researcher") });
    const annotator = createContext({ actor: await makeActor("annotator") });
    const input = { source: { sha256 }, instruction: "cooler", n: 1 };
    expect((await proposeEdit({ ctx: researcher, input })).ok).toBe(true);
    await expect(proposeEdit({ ctx: annotator, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
