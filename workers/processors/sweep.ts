import { systemContext } from "@/lib/context";
import { sweepPendingImages } from "@/lib/images";
import type { Processor } from "./types";

/** Re-enqueues work Postgres says is unfinished (see lib/images/sweep-pending-images.ts). */
export const processSweep: Processor<"sweep"> = async () => {
  // Rows younger than 10 s are probably being enqueued by their upload right now.
  return sweepPendingImages({ ctx: systemContext(), input: { olderThanMs: 10_000 } });
};
