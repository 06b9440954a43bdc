import sharp from "sharp";
import { and, eq, gte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { candidates, images, instructions, pairs, rounds, snapshotItems, snapshots, trajectories } from "@/db/schema";
import { renderStoredImage } from "@/lib/imaging";
import { getBlobStore } from "@/lib/storage";
import { uniquePhoto } from "@/test/images";

export type SeededSample = { trajectoryId: string; instructionId: string; sourceSha: string; instruction: string };

const INSTRUCTIONS = ["Make it brighter and lift the shadows.", "Make it warmer.", "Add more contrast.", "Make it cooler and darker."];

/** An instruction and the edit that carries it out. */
export type Look = { instruction: string; params: Record<string, number> };

/**
 * Seeds `n` small real photos (stored in the blob store, rows in `images`),
 * one trajectory and one accepted instruction each, and a snapshot over them.
 * Every sample gets the same edit unless `looks` gives one per instruction (cycled).
 * Direct inserts: these tests are about training, not the import pipeline.
 */
export async function seedSamples(
  n: number,
  { split = "train" as "train" | "val" | "test", edge = 192, looks = undefined as Look[] | undefined } = {},
) {
  const db = getDb();
  const store = getBlobStore();
  const samples: SeededSample[] = [];
  const names = ["coffee.jpg", "astronaut.jpg", "honey-bee.jpg", "chelsea-cat.jpg"];
  for (let i = 0; i < n; i++) {
    const bytes = await sharp(await uniquePhoto(names[i % names.length]))
      .resize(edge, edge, { fit: "inside" })
      .jpeg({ quality: 85 })
      .toBuffer();
    const meta = await sharp(bytes).metadata();
    const { key } = await store.put(bytes, { contentType: "image/jpeg" });
    await db
      .insert(images)
      .values({ sha256: key, status: "ready", format: "jpeg", bytes: bytes.length, width: meta.width!, height: meta.height! })
      .onConflictDoNothing();
    const [t] = await db
      .insert(trajectories)
      .values({
        sourceSha: key,
        params: looks?.[i % looks.length].params ?? { Exposure2012: 0.5, Shadows2012: 20 },
        paramsHash: `h${key.slice(0, 16)}`,
        origin: "synthetic",
        status: "accepted",
        split,
      })
      .returning({ id: trajectories.id });
    const text = looks?.[i % looks.length].instruction ?? INSTRUCTIONS[i % INSTRUCTIONS.length];
    const [ins] = await db
      .insert(instructions)
      .values({
        trajectoryId: t.id,
        version: 1,
        variant: "short",
        text,
        reasoning: "It is dull.",
        modelName: "heuristic",
        backend: "heuristic",
        promptVersion: "v1",
        status: "accepted",
      })
      .returning({ id: instructions.id });
    samples.push({ trajectoryId: t.id, instructionId: ins.id, sourceSha: key, instruction: text });
  }
  const [snap] = await db
    .insert(snapshots)
    .values({ hash: `test-${samples[0].trajectoryId}`, name: "fixture", filter: {}, counts: {}, itemCount: n })
    .returning({ id: snapshots.id });
  await db
    .insert(snapshotItems)
    .values(samples.map((s) => ({ snapshotId: snap.id, trajectoryId: s.trajectoryId, paramsHash: "h", split, category: "quality" })));
  return { samples, snapshotId: snap.id };
}

/**
 * A strong/weak pair per sample: the strong candidate renders the sample's
 * edit, the weak one a much smaller version of it (a real perturbation), both
 * with the develop engine at preview size.
 */
export async function seedPairs(
  samples: SeededSample[],
  { origin = "perturbed" as "perturbed" | "policy" | "human_fix", round = 1, split = "train" as "train" | "accuracy", gold = false } = {},
) {
  const db = getDb();
  const ctx = { db, actor: null, system: true };
  const pairIds: string[] = [];
  for (const s of samples) {
    const strongParams = { Exposure2012: 0.6, Shadows2012: 30 };
    const weakParams = { Exposure2012: -0.4, Shadows2012: -10 };
    const ids: string[] = [];
    for (const [origin2, params] of [
      ["user", strongParams],
      [origin === "policy" ? "policy" : "perturber", weakParams],
    ] as const) {
      const r = await renderStoredImage({ ctx, input: { sourceSha: s.sourceSha, params, size: "preview" } });
      const [c] = await db
        .insert(candidates)
        .values({
          trajectoryId: s.trajectoryId,
          instructionId: s.instructionId,
          params,
          paramsHash: `${origin2}-${round}-${JSON.stringify(params)}`,
          renderKey: r.cacheKey,
          imageKey: r.outputKey,
          renderer: "engine:test",
          origin: origin2,
          round,
        })
        .onConflictDoUpdate({
          target: [candidates.trajectoryId, candidates.instructionId, candidates.origin, candidates.paramsHash],
          set: { round },
        })
        .returning({ id: candidates.id });
      ids.push(c.id);
    }
    const [p] = await db
      .insert(pairs)
      .values({ instructionId: s.instructionId, strongId: ids[0], weakId: ids[1], origin, round, split, gold, renderer: "engine:test" })
      .returning({ id: pairs.id });
    pairIds.push(p.id);
  }
  return pairIds;
}

/**
 * Fails running rounds (only one round may run at a time): those other test files left behind,
 * or with `since`, those a file started itself (the access matrix calls startRoundAction as a
 * researcher). Integration files run one after another, so no live round of another file is touched.
 */
export async function failLeftoverRounds({ since, error }: { since?: Date; error?: string } = {}) {
  await getDb()
    .update(rounds)
    .set({ status: "failed", ...(error ? { error } : {}) })
    .where(since ? and(eq(rounds.status, "running"), gte(rounds.createdAt, since)) : eq(rounds.status, "running"));
}
