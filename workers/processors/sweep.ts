import { systemContext } from "@/lib/context";
import { sweepUnannotatedTrajectories } from "@/lib/corpus";
import { sweepPendingImages } from "@/lib/images";
import { probeOpenBreakers } from "@/lib/inference";
import { queueWaitingReviews } from "@/lib/review";
import type { Processor } from "./types";

/** Re-enqueues work Postgres says is unfinished (pending ingests, trajectories to annotate or to queue for review) and probes open circuit breakers. */
export const processSweep: Processor<"sweep"> = async () => {
  // Rows younger than 10 s are probably being enqueued by their own request right now.
  const ctx = systemContext();
  const images = await sweepPendingImages({ ctx, input: { olderThanMs: 10_000 } });
  const trajectories = await sweepUnannotatedTrajectories({ ctx, input: { olderThanMs: 10_000 } });
  // Trajectories waiting for review that have no queue slots (annotated before the queue existed).
  const review = await queueWaitingReviews({ ctx });
  // A breaker opened by a process that has since died is probed here, so its queues resume.
  const reopenedEndpoints = await probeOpenBreakers();
  return { images, trajectories, review, reopenedEndpoints };
};
