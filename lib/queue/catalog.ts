import { z } from "zod";
import { corpusQueueConfig } from "./configs/corpus";
import { evalQueueConfig } from "./configs/eval";
import { ingestQueueConfig } from "./configs/ingest";
import { maintenanceQueueConfig } from "./configs/maintenance";
import { trainingQueueConfig } from "./configs/training";
import { preferenceQueueConfig } from "./configs/preference";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected a sha256 hex digest");

/** Every queue and how its workers run. */
export const QUEUES = {
  ingest: ingestQueueConfig,
  maintenance: maintenanceQueueConfig,
  corpus: corpusQueueConfig,
  training: trainingQueueConfig,
  eval: evalQueueConfig,
  preference: preferenceQueueConfig,
} as const;
export type QueueName = keyof typeof QUEUES;

/**
 * THE job catalog: job name → its queue, its zod payload and how its job id
 * is derived (so enqueuing the same work twice is a no-op in BullMQ, and the
 * processor is idempotent besides). Payloads carry ids, never pixels.
 */
export const JOBS = {
  "ingest-image": {
    queue: "ingest",
    payload: z.object({ sha256 }),
    jobId: (p: { sha256: string }) => `ingest-image.${p.sha256}`,
    // Named by content, so the same photo in a fresh database (a second demo beside a Redis that
    // kept the first one's history) meets the finished job of the earlier one: see enqueue.
    replaceCompleted: true,
  },
  sweep: {
    queue: "maintenance",
    payload: z.object({}),
    jobId: () => undefined,
  },
  "import-corpus": {
    queue: "corpus",
    payload: z.object({ importId: z.uuid() }),
    jobId: (p: { importId: string }) => `import-corpus.${p.importId}`,
  },
  "annotate-trajectory": {
    queue: "corpus",
    // `version` is the annotation version to write: re-annotation asks for latest + 1.
    payload: z.object({ trajectoryId: z.uuid(), version: z.number().int().min(1) }),
    jobId: (p: { trajectoryId: string; version: number }) => `annotate-trajectory.${p.trajectoryId}.v${p.version}`,
  },
  "advance-training-run": {
    queue: "training",
    // `tick` counts polls, so each re-enqueue is a new job id (BullMQ keeps finished ids).
    payload: z.object({ runId: z.uuid(), tick: z.number().int().min(0) }),
    jobId: (p: { runId: string; tick: number }) => `advance-training-run.${p.runId}.${p.tick}`,
  },
  "advance-round": {
    queue: "training",
    payload: z.object({ roundId: z.uuid(), tick: z.number().int().min(0) }),
    jobId: (p: { roundId: string; tick: number }) => `advance-round.${p.roundId}.${p.tick}`,
  },
  "eval-item": {
    queue: "eval",
    // One benchmark item of one eval run; the (run, item) row makes it idempotent.
    payload: z.object({ runId: z.uuid(), itemId: z.uuid() }),
    jobId: (p: { runId: string; itemId: string }) => `eval-item.${p.runId}.${p.itemId}`,
  },
  perturb: {
    queue: "preference",
    // Rule-based strategies + the perturber role for one instruction, at PGRT round `round`.
    payload: z.object({ instructionId: z.uuid(), round: z.number().int().min(1).max(1000).default(1) }),
    jobId: (p: { instructionId: string; round: number }) => `perturb.${p.instructionId}.r${p.round}`,
  },
  rollout: {
    queue: "preference",
    // n policy samples for one instruction from the active policy model, recorded as round `round`.
    payload: z.object({ instructionId: z.uuid(), n: z.number().int().min(1).max(16).default(4), round: z.number().int().min(1).max(1000) }),
    jobId: (p: { instructionId: string; round: number }) => `rollout.${p.instructionId}.r${p.round}`,
  },
  "judge-pair": {
    queue: "preference",
    // The reward role labels the pair twice, sides swapped.
    payload: z.object({ pairId: z.uuid() }),
    jobId: (p: { pairId: string }) => `judge-pair.${p.pairId}`,
  },
} as const satisfies Record<
  string,
  { queue: QueueName; payload: z.ZodType; jobId: (p: never) => string | undefined; replaceCompleted?: boolean }
>;

export type JobName = keyof typeof JOBS;
export type JobPayload<J extends JobName> = z.output<(typeof JOBS)[J]["payload"]>;
/** Jobs that belong to queue `Q`. */
export type JobsOf<Q extends QueueName> = { [J in JobName]: (typeof JOBS)[J]["queue"] extends Q ? J : never }[JobName];
