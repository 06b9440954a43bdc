import { systemContext } from "@/lib/context";
import { sweepUnannotatedTrajectories } from "@/lib/corpus";
import { sweepPendingImages } from "@/lib/images";
import { probeOpenBreakers, sweepAbandonedCalls } from "@/lib/inference";
import type { Processor } from "./types";

/** Re-enqueues work Postgres says is unfinished (pending ingests, trajectories to annotate), probes open circuit breakers and closes abandoned model calls. */
export const processSweep: Processor<"sweep"> = async () => {
  // Rows younger than 10 s are probably being enqueued by their own request right now.
  const ctx = systemContext();
  const images = await sweepPendingImages({ ctx, input: { olderThanMs: 10_000 } });
  const trajectories = await sweepUnannotatedTrajectories({ ctx, input: { olderThanMs: 10_000 } });
  // A breaker opened by a process that has since died is probed here, so its queues resume.
  const reopenedEndpoints = await probeOpenBreakers();
  // Model calls whose process died mid-request are marked abandoned, never left open.
  const calls = await sweepAbandonedCalls({ ctx });
  return { images, trajectories, reopenedEndpoints, abandonedCalls: calls.abandoned };
};
