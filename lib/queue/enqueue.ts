import "server-only";
import { Queue, type JobsOptions } from "bullmq";
import { AppError } from "@/lib/errors";
import { JOBS, QUEUES, type JobName, type JobPayload, type QueueName } from "./catalog";
import { bullPrefix, createRedis } from "./connection";

const queues = new Map<QueueName, Queue>();
// BullMQ never closes a connection it was handed, so we track and close ours.
const connections = new Map<QueueName, ReturnType<typeof createRedis>>();

/** The producer-side Queue for `name` (one per process). */
export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    const connection = createRedis({ forWorker: false });
    connections.set(name, connection);
    queue = new Queue(name, {
      connection,
      prefix: bullPrefix(),
      defaultJobOptions: QUEUES[name].defaultJobOptions,
    });
    queue.on("error", () => {}); // surfaced per call via enqueue's rejection
    queues.set(name, queue);
  }
  return queue;
}

/**
 * Adds a job, validating its payload against the catalog. The job id is
 * derived from the payload, so enqueuing the same work twice adds it once.
 * Redis being down becomes UNAVAILABLE, after waiting up to RECONNECT_WAIT_MS
 * for a connection that is reconnecting (the row in Postgres stays pending
 * and the sweeper enqueues it later, so nothing is lost).
 *
 * For jobs named by content (`replaceCompleted` in the catalog: the same
 * photo can come back in a fresh database beside a Redis that kept the history
 * of an earlier one, e.g. a second `npm run demo`), a job of the same id that
 * already COMPLETED is stale: BullMQ would keep answering with it, and the row
 * would stay pending for as long as Redis keeps the job. It is removed and
 * the work added again. Other jobs are named by row ids, and a finished one is
 * left to answer for its work (see requeue for sweepers).
 */
export async function enqueue<J extends JobName>(job: J, payload: JobPayload<J>, opts: JobsOptions = {}) {
  const def = JOBS[job];
  return add(job, payload, opts, "replaceCompleted" in def && def.replaceCompleted ? ["completed"] : []);
}

/**
 * `enqueue` for a sweeper, which adds work because Postgres says it is not
 * finished: a job of the same id that COMPLETED or FAILED is stale (its
 * attempts were spent while the database or the blob store was away, or its
 * result was lost with them) and is replaced, so the work runs again instead
 * of BullMQ answering with the old job for as long as Redis keeps it.
 */
export async function requeue<J extends JobName>(job: J, payload: JobPayload<J>) {
  return add(job, payload, {}, ["completed", "failed"]);
}

async function add<J extends JobName>(job: J, payload: JobPayload<J>, opts: JobsOptions, replace: ("completed" | "failed")[]) {
  const def = JOBS[job];
  const data = def.payload.parse(payload);
  const jobId = (def.jobId as (p: unknown) => string | undefined)(data);
  const queue = getQueue(def.queue);
  const attempt = async () => {
    if (jobId && replace.length > 0 && (replace as string[]).includes(await queue.getJobState(jobId))) await queue.remove(jobId);
    return await queue.add(job, data, { ...opts, ...(jobId ? { jobId } : {}) });
  };
  const connection = connections.get(def.queue)!;
  try {
    return await attempt();
  } catch (cause) {
    if (connection.status === "ready") throw cause; // a bug, not an outage
    // A Redis that has just restarted is back within moments, but this connection refuses commands
    // until it has reconnected (no offline queue: a request must not hang on a Redis that is down).
    // Wait for it briefly, so work submitted right after a restart is queued now, not by the sweeper.
    if (await readyWithin(connection, RECONNECT_WAIT_MS)) return await attempt();
    throw new AppError("UNAVAILABLE", `Queue ${def.queue} is unavailable: ${(cause as Error).message}`);
  }
}

/** How long an enqueue waits for its reconnecting connection before the work is left to the sweeper. */
export const RECONNECT_WAIT_MS = 2_000;

/** True once `redis` is ready (at once if it is); false after `ms`, or when it has given up reconnecting. */
function readyWithin(redis: ReturnType<typeof createRedis>, ms: number): Promise<boolean> {
  if (redis.status === "ready") return Promise.resolve(true);
  if (redis.status === "end") return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off("ready", onReady).off("end", onEnd);
      resolve(ready);
    };
    const onReady = () => done(true);
    const onEnd = () => done(false);
    const timer = setTimeout(() => done(false), ms);
    redis.once("ready", onReady).once("end", onEnd);
  });
}

/** Closes producer connections (graceful shutdown, tests). */
export async function closeQueues() {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
  for (const c of connections.values()) c.disconnect();
  connections.clear();
}
