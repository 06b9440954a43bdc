import "server-only";
import { spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, open, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** What a local run reports; the same vocabulary as Ray's job states. */
export type LocalStatus = { status: "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "STOPPED"; exitCode: number | null; message: string };

const LOG_TAIL_BYTES = 16 * 1024;

/**
 * The `local` trainer backend: runs a training command as a subprocess on
 * this machine (a GPU box, or CI with the compact trainer). Each run lives in
 * `<workDir>/<submissionId>/` with `log.txt`, `pid` and, once it ends,
 * `exit.json`: state is on disk, so a worker restart can still answer status
 * and a duplicate submit (same id) never starts a second process.
 */
export function createLocalTrainer({ workDir }: { workDir: string }) {
  const dirOf = (id: string) => {
    if (!/^[\w.-]+$/.test(id)) throw new RangeError(`bad submission id ${id}`);
    return path.join(path.resolve(workDir), id);
  };
  const running = new Map<string, ReturnType<typeof spawn>>();

  async function submit({
    submissionId,
    argv,
    env = {},
    cwd,
  }: {
    submissionId: string;
    argv: string[];
    env?: Record<string, string>;
    cwd?: string;
  }) {
    const dir = dirOf(submissionId);
    if (existsSync(path.join(dir, "pid")) || existsSync(path.join(dir, "exit.json"))) return { submissionId, created: false };
    await mkdir(dir, { recursive: true });
    const log = createWriteStream(path.join(dir, "log.txt"), { flags: "a" });
    const child = spawn(argv[0], argv.slice(1), {
      cwd: cwd ?? process.cwd(),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running.set(submissionId, child);
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const finish = async (code: number | null, message: string) => {
      const stopped = existsSync(path.join(dir, "stop-requested"));
      // exit.json first, then forget the child: status() never sees "not running, no exit recorded".
      await writeFile(path.join(dir, "exit.json"), JSON.stringify({ code, stopped, message }));
      running.delete(submissionId);
      log.end();
    };
    child.once("error", (error) => void finish(127, `could not start ${argv[0]}: ${error.message}`));
    // After `exit`, wait for the pipes to drain (`close`) so the log is complete — but at most 2 s:
    // a grandchild still holding the pipes must not keep the run "running".
    child.once("exit", (code, signal) => {
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        void finish(code, signal ? `killed by ${signal}` : `exited with ${code}`);
      };
      const timer = setTimeout(done, 2_000);
      child.once("close", () => {
        clearTimeout(timer);
        done();
      });
    });
    await writeFile(path.join(dir, "pid"), String(child.pid ?? ""));
    return { submissionId, created: true };
  }

  async function status(submissionId: string, graceMs = 5_000): Promise<LocalStatus> {
    const dir = dirOf(submissionId);
    const exit = await readFile(path.join(dir, "exit.json"), "utf8").catch(() => null);
    if (exit) {
      const { code, stopped, message } = JSON.parse(exit) as { code: number | null; stopped: boolean; message: string };
      return { status: stopped ? "STOPPED" : code === 0 ? "SUCCEEDED" : "FAILED", exitCode: code, message };
    }
    const pid = Number(await readFile(path.join(dir, "pid"), "utf8").catch(() => ""));
    if (!pid) return { status: "PENDING", exitCode: null, message: "not started" };
    if (running.has(submissionId) || isAlive(pid)) return { status: "RUNNING", exitCode: null, message: `pid ${pid}` };
    // The process that spawned it records the exit once the pipes drain (≤ 2 s), possibly in another
    // worker process: give it that long before calling the run lost.
    if (graceMs > 0) {
      await new Promise((r) => setTimeout(r, 100));
      return status(submissionId, graceMs - 100);
    }
    return { status: "FAILED", exitCode: null, message: "the process ended without recording an exit (worker restarted?)" };
  }

  async function logs(submissionId: string): Promise<string> {
    const file = await open(path.join(dirOf(submissionId), "log.txt"), "r").catch(() => null);
    if (!file) return "";
    try {
      const { size } = await file.stat();
      const start = Math.max(0, size - LOG_TAIL_BYTES);
      const buf = Buffer.alloc(size - start);
      await file.read(buf, 0, buf.length, start);
      return buf.toString("utf8");
    } finally {
      await file.close();
    }
  }

  async function stop(submissionId: string): Promise<boolean> {
    const dir = dirOf(submissionId);
    const s = await status(submissionId);
    if (s.status !== "RUNNING") return false;
    await writeFile(path.join(dir, "stop-requested"), "");
    const pid = Number(await readFile(path.join(dir, "pid"), "utf8"));
    try {
      process.kill(-pid, "SIGTERM"); // the whole process group: trainers spawn workers
    } catch {
      return false;
    }
    return true;
  }

  return { submit, status, logs, stop, dirOf };
}
export type LocalTrainer = ReturnType<typeof createLocalTrainer>;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
