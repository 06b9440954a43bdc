import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { imports, instructions, reviews, trajectories, workSlots } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createContext } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { makeReviewTrajectories } from "@/test/review/review-fixtures";
import { getTrajectoryOrThrow } from "./get-trajectory";

let researcher: Actor;
let annotator: Actor;
let otherAnnotator: Actor;
let withImport: string;
let bare: string;
let importId: string;

const reviewOf = (instructionId: string, reviewer: Actor, decision: "accept" | "reject") => ({
  instructionId,
  reviewerId: reviewer.id,
  decision,
  reason: decision === "reject" ? ("unclear_intent" as const) : null,
});

beforeAll(async () => {
  [researcher, annotator, otherAnnotator] = await Promise.all([makeActor("researcher"), makeActor("annotator"), makeActor("annotator")]);
  const db = getDb();
  [withImport, bare] = await makeReviewTrajectories(2);
  [{ id: importId }] = await db
    .insert(imports)
    .values({ kind: "folder", source: "lightroom-export", root: "/data/in" })
    .returning({ id: imports.id });
  await db.update(trajectories).set({ importId }).where(eq(trajectories.id, withImport));
  // A second version of the first trajectory's instructions, and decisions by two annotators on version 1.
  await db.insert(instructions).values({
    trajectoryId: withImport,
    version: 2,
    variant: "short",
    text: "short: lift the shadows",
    reasoning: "The foreground is dark.",
    modelName: "heuristic",
    backend: "heuristic",
    promptVersion: "heuristic-annotate-v1",
    status: "in_review",
  });
  const v1 = await db.select().from(instructions).where(eq(instructions.trajectoryId, withImport));
  const [short, medium] = ["short", "medium"].map((variant) => v1.find((i) => i.version === 1 && i.variant === variant)!.id);
  await db.insert(reviews).values([reviewOf(short, annotator, "accept"), reviewOf(medium, otherAnnotator, "reject")]);
  // A decision on the other trajectory, which must not show up on this one.
  const [elsewhere] = await db.select().from(instructions).where(eq(instructions.trajectoryId, bare)).limit(1);
  await db.insert(reviews).values(reviewOf(elsewhere.id, annotator, "reject"));
  await db.insert(workSlots).values({ kind: "review", itemId: withImport, slot: 0, userId: annotator.id });
});

const decisionsOf = (detail: Awaited<ReturnType<typeof getTrajectoryOrThrow>>) =>
  detail.versions
    .flatMap((v) => v.variants.flatMap((x) => x.reviews.map((r) => `v${v.version} ${x.variant} ${r.decision} by ${r.reviewerId}`)))
    .sort();

describe("a trajectory's detail", () => {
  it("holds its import, every instruction version newest first, and every decision on them (and on nothing else)", async () => {
    const detail = await getTrajectoryOrThrow({ ctx: createContext({ actor: researcher }), input: { id: withImport } });
    expect(detail.trajectory.id).toBe(withImport);
    expect(detail.importSource).toEqual({ id: importId, source: "lightroom-export", kind: "folder" });
    expect(detail.versions.map((v) => [v.version, v.variants.map((x) => x.variant).sort()])).toEqual([
      [2, ["short"]],
      [1, ["long", "medium", "short"]],
    ]);
    expect(decisionsOf(detail)).toEqual([`v1 medium reject by ${otherAnnotator.id}`, `v1 short accept by ${annotator.id}`].sort());
  });

  it("has no import when it was not imported", async () => {
    const detail = await getTrajectoryOrThrow({ ctx: createContext({ actor: researcher }), input: { id: bare } });
    expect(detail.importSource).toBeNull();
    expect(decisionsOf(detail)).toEqual([
      `v1 ${detail.versions[0].variants.find((x) => x.reviews.length)!.variant} reject by ${annotator.id}`,
    ]);
  });

  it("shows an annotator only their own decisions, on an item they review, and nothing else", async () => {
    const detail = await getTrajectoryOrThrow({ ctx: createContext({ actor: annotator }), input: { id: withImport } });
    expect(decisionsOf(detail)).toEqual([`v1 short accept by ${annotator.id}`]);
    await expect(getTrajectoryOrThrow({ ctx: createContext({ actor: otherAnnotator }), input: { id: withImport } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("answers NOT_FOUND for an unknown id and VALIDATION for a malformed one", async () => {
    const ctx = createContext({ actor: researcher });
    await expect(getTrajectoryOrThrow({ ctx, input: { id: "00000000-0000-4000-8000-000000000000" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getTrajectoryOrThrow({ ctx, input: { id: "not-an-id" } })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
