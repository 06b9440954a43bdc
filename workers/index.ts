// Worker process entry: `npm run workers`. One BullMQ Worker per queue,
// a health endpoint, and a graceful shutdown that lets active jobs finish.
import { closeDb } from "@/db/client";
import { workerHealthPort } from "@/lib/config/env";
import { closeInferenceRedis, flushCallLog, stopBreakerProbers } from "@/lib/inference";
import { closeQueues, type QueueName } from "@/lib/queue";
import { stopCompactServer } from "@/lib/training/serve/compact-server";
import { lowerCpuPriority, workerNice } from "./cpu-priority";
import { startHealthServer } from "./health-server";
import { linkInferenceQueuesWhenReady } from "./link-inference-queues";
import { startWorkers } from "./start-workers";

const nice = workerNice();
if (nice > 0) lowerCpuPriority(nice);
const only = process.env.WORKER_QUEUES?.split(",").filter(Boolean) as QueueName[] | undefined;
const workers = await startWorkers({ only });
await linkInferenceQueuesWhenReady(workers.map((w) => w.name));
const health = startHealthServer({ port: workerHealthPort(), workers });
console.log(`[workers] running queues: ${workers.map((w) => w.name).join(", ")}; health on :${workerHealthPort()}/health; nice ${nice}`);

// A stray rejection (e.g. a job's Redis keys vanished when Redis lost its memory) is
// logged; it must not take every other queue's jobs down with the process.
process.on("unhandledRejection", (reason) => console.error("[workers] unhandled rejection:", reason));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[workers] ${signal}: finishing active jobs…`);
  const force = setTimeout(() => process.exit(1), 30_000);
  force.unref();
  health.close();
  await Promise.all(workers.map((w) => w.close()));
  await flushCallLog(); // deferred inference-call rows reach Postgres before exit
  await stopCompactServer({ ownOnly: true }); // the compact model server this worker started (restarted on next use)
  stopBreakerProbers();
  await closeInferenceRedis();
  await closeQueues();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
