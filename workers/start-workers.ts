import { UnrecoverableError, Worker, type Job } from "bullmq";
import { JOBS, QUEUES, bullPrefix, createRedis, getQueue, type JobName, type QueueName } from "@/lib/queue";
import { processors } from "./processors";

/**
 * Starts one BullMQ Worker per queue (or only `only`), dispatching each job
 * to its catalog processor after re-parsing the payload. A payload that
 * does not parse fails unretryably: retrying cannot fix it.
 */
export async function startWorkers({ only }: { only?: QueueName[] } = {}) {
  const names = (only ?? (Object.keys(QUEUES) as QueueName[])).filter((n) => n in QUEUES);
  const workers = names.map((name) => {
    const config = QUEUES[name];
    const connection = createRedis({ forWorker: true });
    const worker = new Worker(
      name,
      async (job: Job) => {
        const def = JOBS[job.name as JobName];
        if (!def || def.queue !== name) throw new UnrecoverableError(`Unknown job ${job.name} on queue ${name}`);
        const parsed = def.payload.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`Bad payload for ${job.name}: ${parsed.error.message}`);
        const processor = processors[job.name as JobName] as (p: unknown, j: Job) => Promise<unknown>;
        return processor(parsed.data, job);
      },
      {
        connection,
        prefix: bullPrefix(),
        concurrency: config.concurrency,
        lockDuration: config.lockDuration,
        stalledInterval: Math.min(30_000, config.lockDuration),
        autorun: true,
      },
    );
    // BullMQ leaves a connection it was handed open; close ours with the worker.
    worker.on("closed", () => connection.disconnect());
    worker.on("failed", (job, err) => console.error(`[worker:${name}] ${job?.name} ${job?.id} failed: ${err.message}`));
    worker.on("error", (err) => console.error(`[worker:${name}] ${err.message}`));
    return worker;
  });

  // The sweeper runs every minute; upsert keeps a single scheduler however many workers start.
  if (names.includes("maintenance")) {
    await getQueue("maintenance").upsertJobScheduler(
      "sweep-every-minute",
      { every: Number(process.env.SWEEP_INTERVAL_MS ?? 60_000) },
      { name: "sweep", data: {} },
    );
  }
  return workers;
}
