import { UnrecoverableError, Worker, type Job } from "bullmq";
import { JOBS, QUEUES, bullPrefix, createRedis, getQueue, type JobName, type QueueName } from "@/lib/queue";
import { processors } from "./processors";
import { reportWorkerErrors } from "./report-worker-errors";

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
    reportWorkerErrors(worker, connection, name);
    return worker;
  });

  // The sweeper runs every minute; upsert keeps a single scheduler however many workers start.
  // The scheduler lives in Redis, so it is checked every interval and recreated when
  // missing: a Redis that restarted with its memory lost gets it back without a worker restart.
  if (names.includes("maintenance")) {
    const every = Number(process.env.SWEEP_INTERVAL_MS ?? 60_000);
    const upsert = () => getQueue("maintenance").upsertJobScheduler("sweep-every-minute", { every }, { name: "sweep", data: {} });
    await upsert();
    const ensure = async () => {
      if (!(await getQueue("maintenance").getJobScheduler("sweep-every-minute"))) await upsert();
    };
    const timer = setInterval(() => void ensure().catch(() => undefined), Math.max(every, 5_000));
    timer.unref();
    workers.find((w) => w.name === "maintenance")?.on("closing", () => clearInterval(timer));
  }
  return workers;
}
