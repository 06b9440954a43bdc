import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { candidates, pairs } from "@/db/schema";
import { requireActor, requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { getBlobStore } from "@/lib/storage";
import { leftMemberFor } from "./blind-side";
import { assertCandidateVisible } from "./candidate-access";

const pairImageInput = z.object({ pairId: z.uuid(), side: z.enum(["a", "b"]) });

async function blobOf(key: string | null) {
  if (!key) throw new AppError("CONFLICT", "This candidate has not been rendered yet");
  const bytes = await getBlobStore().get(key);
  if (!bytes) throw new AppError("NOT_FOUND", `Blob ${key} is missing from storage`);
  return { bytes, contentType: "image/jpeg" };
}

/** The render shown as A or B to THIS user (sides are per user), without saying which member it is. */
export async function getPairImage({ ctx, input }: { ctx: Ctx; input: z.input<typeof pairImageInput> }) {
  const actor = requireActor(ctx.actor);
  const { pairId, side } = parseInput(pairImageInput, input);
  const [pair] = await ctx.db.select().from(pairs).where(eq(pairs.id, pairId)).limit(1);
  if (!pair) throw new AppError("NOT_FOUND", `No pair ${pairId}`);
  const left = leftMemberFor(pairId, actor.id);
  const member = side === "a" ? left : left === "strong" ? "weak" : "strong";
  const [c] = await ctx.db
    .select({ key: candidates.imageKey })
    .from(candidates)
    .where(eq(candidates.id, member === "strong" ? pair.strongId : pair.weakId));
  return blobOf(c?.key ?? null);
}

/** A candidate's render by id (researcher views and "Fix it", after the vote: see assertCandidateVisible). */
export async function getCandidateImage({ ctx, input }: { ctx: Ctx; input: { candidateId: string } }) {
  const actor = requireRole(ctx.actor, ["annotator", "reviewer", "researcher"]);
  const { candidateId } = parseInput(z.object({ candidateId: z.uuid() }), input);
  const [c] = await ctx.db.select({ key: candidates.imageKey }).from(candidates).where(eq(candidates.id, candidateId));
  if (!c) throw new AppError("NOT_FOUND", `No candidate ${candidateId}`);
  await assertCandidateVisible(ctx, actor, candidateId);
  return blobOf(c.key);
}
