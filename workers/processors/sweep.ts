import { systemContext } from "@/lib/context";
import { sweepRunningImports, sweepUnannotatedTrajectories } from "@/lib/corpus";
import { sweepEvalRuns } from "@/lib/eval";
import { sweepPendingImages } from "@/lib/images";
import { probeOpenBreakers, sweepAbandonedCalls } from "@/lib/inference";
import { sweepPreference } from "@/lib/preference";
import { queueWaitingReviews } from "@/lib/review";
import { sweepStalledTraining } from "@/lib/rounds";
import type { Processor } from "./types";

/** Re-enqueues work Postgres says is unfinished (pending ingests, imports still running, trajectories to annotate or to queue for review, unscored eval items, instructions without pairs, stalled rounds and training runs), probes open circuit breakers and closes abandoned model calls. */
export const processSweep: Processor<"sweep"> = async () => {
  // Rows younger than 10 s are probably being enqueued by their own request right now.
  const ctx = systemContext();
  const images = await sweepPendingImages({ ctx, input: { olderThanMs: 10_000 } });
  const trajectories = await sweepUnannotatedTrajectories({ ctx, input: { olderThanMs: 10_000 } });
  const importsResumed = await sweepRunningImports({ ctx, input: { olderThanMs: 10_000 } });
  // Trajectories waiting for review that have no queue slots (annotated before the queue existed).
  const review = await queueWaitingReviews({ ctx });
  const evalItems = await sweepEvalRuns({ ctx, input: { olderThanMs: 10_000 } });
  // Accepted instructions without pairs, and pairs without a model label.
  const preference = await sweepPreference({ ctx, input: { olderThanMs: 10_000 } });
  // A breaker opened by a process that has since died is probed here, so its queues resume.
  const reopenedEndpoints = await probeOpenBreakers();
  // Model calls whose process died mid-request are marked abandoned, never left open.
  const calls = await sweepAbandonedCalls({ ctx });
  // Rounds and training runs whose job chain was lost resume from their recorded step.
  const training = await sweepStalledTraining({ ctx, input: {} });
  return {
    images,
    trajectories,
    imports: importsResumed,
    review,
    evalItems,
    preference,
    reopenedEndpoints,
    abandonedCalls: calls.abandoned,
    training,
  };
};
