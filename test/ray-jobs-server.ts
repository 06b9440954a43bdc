import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Job = {
  submission_id: string;
  job_id: string;
  entrypoint: string;
  status: string;
  message: string;
  metadata: Record<string, string>;
  runtime_env: unknown;
  logs: string;
  start_time: number;
  end_time: number | null;
  driver_exit_code: number | null;
};

/**
 * A loopback stand-in for Ray's job server (dashboard `job_head.py`) with the
 * documented endpoints and response shapes: POST /api/jobs/ (400 on a
 * duplicate submission_id, as Ray does), GET /api/jobs/:id, GET …/logs,
 * POST …/stop, DELETE, GET /api/version, and bearer-token auth (401).
 * Tests drive job state with `setStatus` / `appendLog`.
 */
export async function startRayJobsServer({ token }: { token?: string } = {}) {
  const jobs = new Map<string, Job>();
  let submits = 0;
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain" : "application/json" });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (token && req.headers.authorization !== `Bearer ${token}`) return send(401, "Unauthorized: missing or invalid token");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://x");
    const m = url.pathname.match(/^\/api\/jobs\/([^/]+)(\/logs|\/stop)?$/);
    if (req.method === "GET" && url.pathname === "/api/version")
      return send(200, { version: "4", ray_version: "2.52.0", ray_commit: "loopback" });
    if (req.method === "POST" && url.pathname === "/api/jobs/") {
      const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as {
        entrypoint?: string;
        submission_id?: string;
        metadata?: Record<string, string>;
        runtime_env?: unknown;
      };
      if (!body.entrypoint) return send(400, "entrypoint is required");
      const id = body.submission_id ?? `raysubmit_${++submits}`;
      if (jobs.has(id)) return send(400, `Job with submission_id ${id} already exists. Please use a different submission_id.`);
      submits++;
      jobs.set(id, {
        submission_id: id,
        job_id: `${jobs.size + 1}`,
        entrypoint: body.entrypoint,
        status: "PENDING",
        message: "Job has not started yet.",
        metadata: body.metadata ?? {},
        runtime_env: body.runtime_env ?? {},
        logs: "",
        start_time: Date.now(),
        end_time: null,
        driver_exit_code: null,
      });
      return send(200, { job_id: jobs.get(id)!.job_id, submission_id: id });
    }
    if (req.method === "GET" && url.pathname === "/api/jobs/") return send(200, [...jobs.values()]);
    if (!m) return send(404, "not found");
    const job = jobs.get(decodeURIComponent(m[1]));
    if (!job) return send(404, `Job ${m[1]} does not exist.`);
    if (req.method === "GET" && !m[2]) {
      const { logs, ...details } = job;
      void logs;
      return send(200, { ...details, type: "SUBMISSION" });
    }
    if (req.method === "GET" && m[2] === "/logs") return send(200, { logs: job.logs });
    if (req.method === "POST" && m[2] === "/stop") {
      const terminal = ["STOPPED", "SUCCEEDED", "FAILED"].includes(job.status);
      if (!terminal) Object.assign(job, { status: "STOPPED", message: "Job was intentionally stopped.", end_time: Date.now() });
      return send(200, { stopped: !terminal });
    }
    if (req.method === "DELETE" && !m[2]) {
      if (!["STOPPED", "SUCCEEDED", "FAILED"].includes(job.status)) return send(400, "Job is not in a terminal state");
      jobs.delete(job.submission_id);
      return send(200, { deleted: true });
    }
    return send(405, "method not allowed");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    jobs,
    /** How many distinct jobs were accepted (duplicates do not count). */
    submitted: () => submits,
    setStatus(id: string, status: "RUNNING" | "SUCCEEDED" | "FAILED", exitCode?: number) {
      const job = jobs.get(id)!;
      Object.assign(job, {
        status,
        message: `Job ${status.toLowerCase()}`,
        ...(status === "RUNNING" ? {} : { end_time: Date.now(), driver_exit_code: exitCode ?? (status === "SUCCEEDED" ? 0 : 1) }),
      });
    },
    appendLog(id: string, text: string) {
      jobs.get(id)!.logs += text;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
