import { createServer, type Server } from "node:http";
import type { Worker } from "bullmq";
import { getQueueHealth } from "@/lib/queue";

/**
 * GET /health → 200 with per-queue counts when every worker is running and
 * Redis answers, 503 otherwise. For process supervisors and the dashboard.
 */
export function startHealthServer({ port, workers }: { port: number; workers: Worker[] }): Server {
  const server = createServer(async (req, res) => {
    if (req.url !== "/health") {
      res.writeHead(404).end();
      return;
    }
    try {
      const queues = await getQueueHealth();
      const running = workers.every((w) => w.isRunning());
      res.writeHead(running ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: running, workers: workers.map((w) => ({ queue: w.name, running: w.isRunning() })), queues }));
    } catch (e) {
      res.writeHead(503, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: (e as Error).message }));
    }
  });
  server.listen(port, "127.0.0.1");
  return server;
}
