import "server-only";
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { models } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { trainerPython, trainerWorkDir } from "../runs/get-trainers";

type State = { pid: number; url: string };

const SPAWN_TIMEOUT_MS = 90_000;
const dir = () => path.join(path.resolve(trainerWorkDir()), "compact-serve");
const statePath = () => path.join(dir(), "server.json");
let pending: Promise<string> | null = null;
/** The server this process started, if any: a worker's shutdown stops only its own. */
let startedHere: number | null = null;

/** A compact trainer checkpoint: one `.pt` file on this machine (training/compact writes `<kind>.pt`). */
export const isCompactCheckpoint = (uri: string | null | undefined): uri is string =>
  !!uri && uri.startsWith("file://") && uri.endsWith(".pt");

/**
 * Serves a compact checkpoint under `name` (the model's `servedModel`) and
 * returns the OpenAI-compatible base URL (`…/v1`). One `serve.py --registry`
 * per machine serves every registered checkpoint, loading each on first use
 * from `<registry>/<name>.json`, so registering is writing that file.
 */
export async function serveCompactCheckpoint({
  ctx,
  name,
  kind,
  checkpointUri,
}: {
  ctx: Ctx;
  name: string;
  kind: "policy" | "reward";
  checkpointUri: string;
}) {
  if (!/^[\w.-]+$/.test(name)) throw new RangeError(`bad served model name ${name}`);
  const registry = path.join(dir(), "registry");
  await mkdir(registry, { recursive: true });
  const tmp = path.join(registry, `.${name}.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify({ kind, path: checkpointUri.slice("file://".length) }));
  await rename(tmp, path.join(registry, `${name}.json`));
  return ensureCompactServer({ ctx });
}

/**
 * The model server's base URL (`…/v1`), starting it when it is not answering
 * (first use, or it died): `serve.py` on a loopback port, health-
 * checked. A restarted server may listen elsewhere, so models that pointed at
 * the old one are re-pointed. A lock file keeps two workers from both starting one.
 */
export function ensureCompactServer({ ctx }: { ctx: Ctx }): Promise<string> {
  pending ??= startOrReuse(ctx).finally(() => {
    pending = null;
  });
  return pending;
}

/** Before the platform calls a model: a compact checkpoint's server is made to answer (restarted if it died). */
export async function ensureModelServed({ ctx, modelId }: { ctx: Ctx; modelId: string }): Promise<void> {
  const [m] = await ctx.db
    .select({ backend: models.backend, checkpointUri: models.checkpointUri })
    .from(models)
    .where(eq(models.id, modelId))
    .limit(1);
  if (m?.backend === "openai-compatible" && isCompactCheckpoint(m.checkpointUri)) await ensureCompactServer({ ctx });
}

async function startOrReuse(ctx: Ctx): Promise<string> {
  await mkdir(dir(), { recursive: true });
  const lock = path.join(dir(), "spawn.lock");
  const deadline = Date.now() + SPAWN_TIMEOUT_MS;
  for (;;) {
    const state = await readState();
    if (state && (await healthy(state.url))) return `${state.url}/v1`;
    const handle = await open(lock, "wx").catch((e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? null : Promise.reject(e)));
    if (handle) {
      await handle.close();
      try {
        // Another process may have started one between our look and taking the lock.
        const now = await readState();
        if (now && (await healthy(now.url))) return `${now.url}/v1`;
        const started = await spawnServer();
        await writeFile(statePath(), JSON.stringify(started));
        if (state && state.url !== started.url)
          await ctx.db
            .update(models)
            .set({ endpoint: `${started.url}/v1` })
            .where(eq(models.endpoint, `${state.url}/v1`));
        return `${started.url}/v1`;
      } finally {
        await rm(lock, { force: true });
      }
    }
    const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > SPAWN_TIMEOUT_MS) await rm(lock, { force: true });
    if (Date.now() > deadline) throw new AppError("UNAVAILABLE", "the compact model server did not come up");
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function spawnServer(): Promise<State> {
  const log = path.join(dir(), "serve.log");
  const fd = openSync(log, "w");
  const argv = [
    "training/compact/serve.py",
    "--registry",
    path.join(dir(), "registry"),
    "--host",
    "127.0.0.1",
    "--port",
    process.env.COMPACT_SERVE_PORT || "0",
  ];
  // Not detached: it stays in the workers' process group, so stopping the service stops it too.
  const child = spawn(trainerPython(), argv, { cwd: process.cwd(), stdio: ["ignore", fd, fd] });
  closeSync(fd);
  child.unref();
  const ended = { code: null as number | null };
  child.once("exit", (code) => (ended.code = code ?? -1));
  const deadline = Date.now() + SPAWN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const text = await readFile(log, "utf8").catch(() => "");
    const m = text.match(/listening on (http:\/\/\S+)/);
    if (m) {
      startedHere = child.pid!;
      return { pid: child.pid!, url: m[1] };
    }
    if (ended.code !== null) throw new AppError("UNAVAILABLE", `serve.py exited with ${ended.code}: ${text.slice(-500)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new AppError("UNAVAILABLE", "serve.py did not start listening in time");
}

async function readState(): Promise<State | null> {
  const raw = await readFile(statePath(), "utf8").catch(() => null);
  return raw ? (JSON.parse(raw) as State) : null;
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/**
 * Stops the model server (tests; `ownOnly`: a worker's shutdown, only when this
 * process started it). Registered checkpoints stay registered: the next call
 * through `ensureModelServed` starts it again.
 */
export async function stopCompactServer({ ownOnly = false }: { ownOnly?: boolean } = {}): Promise<void> {
  const state = await readState();
  if (!state || !state.pid || (ownOnly && state.pid !== startedHere)) return;
  try {
    process.kill(state.pid, "SIGTERM");
    // Gone before returning (at most 5 s), so a caller's next ensureCompactServer() sees it down.
    for (let i = 0; i < 50; i++) {
      process.kill(state.pid, 0);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch {
    // gone
  }
  // The URL stays on record: a server started later re-points the models that still name it.
  await writeFile(statePath(), JSON.stringify({ ...state, pid: 0 }));
}
