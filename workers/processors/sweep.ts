import { systemContext } from "@/lib/context";
import { sweepUnannotatedTrajectories } from "@/lib/corpus";
import { sweepPendingImages } from "@/lib/images";
import type { Processor } from "./types";

/** Re-enqueues work Postgres says is unfinished: pending image ingests and trajectories still to annotate. */
export const processSweep: Processor<"sweep"> = async () => {
  // Rows younger than 10 s are probably being enqueued by their own request right now.
  const ctx = systemContext();
  const images = await sweepPendingImages({ ctx, input: { olderThanMs: 10_000 } });
  const trajectories = await sweepUnannotatedTrajectories({ ctx, input: { olderThanMs: 10_000 } });
  return { images, trajectories };
};
