import "server-only";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import type { loadInstruction } from "./load-instruction";
import { renderCandidate, type Candidate } from "./render-candidate";

/**
 * The strong member for an instruction: the ENGINE's render of the user's
 * params. A Lightroom after-image (trajectory.targetSha) stays a reference
 * only, so both members of every pair share the engine renderer.
 */
export function ensureStrongCandidate({
  ctx,
  loaded,
}: {
  ctx: Ctx;
  loaded: Awaited<ReturnType<typeof loadInstruction>>;
}): Promise<Candidate> {
  const { trajectory, instruction } = loaded;
  return renderCandidate({
    ctx,
    input: {
      trajectoryId: trajectory.id,
      instructionId: instruction.id,
      sourceSha: trajectory.sourceSha,
      params: trajectory.params as DevelopParams,
      origin: "user",
    },
  });
}
