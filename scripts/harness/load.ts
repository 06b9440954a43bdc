// npm run load — 100 simulated users for 60 s against the production build
// (next start; built when .next is missing), with the workers running.
// Each user signs in once (shared session of the seeded researcher) and loops
// over a weighted mix of what people do: dashboard, image grid, corpus browse,
// counts, a trajectory, thumbnails, pages. Prints p50/p95/p99 per route and the
// error rate; last line one JSON object. Uses its own database
// (<DATABASE_URL name>_load, recreated and seeded) and queue prefix.
//   npm run load [-- --users 100 --seconds 60]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { recreateDatabase } from "../db-setup";
import { freePort } from "./services";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const USERS = arg("users", 100);
const SECONDS = arg("seconds", 60);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A route in the mix: its label in the report, how often users hit it, and the URL (from seeded ids). */
type Route = { name: string; weight: number; path: (ids: Ids) => string | null };
type Ids = { images: string[]; trajectories: string[] };
const pick = <T,>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

/** Add a workload route here (review and compare join when they land). */
const ROUTES: Route[] = [
  { name: "GET /api/v1/dashboard", weight: 3, path: () => "/api/v1/dashboard" },
  { name: "GET /api/v1/images", weight: 3, path: () => "/api/v1/images?limit=48" },
  { name: "GET /api/v1/images/[sha]/thumbnail", weight: 6, path: (ids) => (ids.images.length ? `/api/v1/images/${pick(ids.images)}/thumbnail` : null) },
  { name: "GET /api/v1/corpus/trajectories", weight: 3, path: () => "/api/v1/corpus/trajectories?limit=100" },
  { name: "GET /api/v1/corpus/counts", weight: 2, path: () => "/api/v1/corpus/counts" },
  { name: "GET /corpus/[id] (page)", weight: 1, path: (ids) => (ids.trajectories.length ? `/corpus/${pick(ids.trajectories)}` : null) },
  { name: "GET / (page)", weight: 1, path: () => "/" },
  { name: "GET /corpus (page)", weight: 1, path: () => "/corpus" },
];

async function main() {
  if (!existsSync(".next/BUILD_ID") && spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  const base = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/retouchiq");
  base.pathname = `${base.pathname}_load`;
  const dbUrl = base.toString();
  await recreateDatabase(dbUrl);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const storage = mkdtempSync(join(tmpdir(), "riq-load-blobs-"));
  const dataDir = mkdtempSync(join(tmpdir(), "riq-load-data-"));
  const password = "load-password-1";
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? "riq"}-load-${process.pid}`,
    STORAGE_DIR: storage,
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: password,
    PORT: String(port),
    APP_URL: baseUrl,
    BETTER_AUTH_SECRET: `load-${Date.now()}-0123456789abcdef0123456789`,
    WORKER_HEALTH_PORT: String(await freePort()),
    NODE_ENV: "production" as const,
  };
  console.log("[load] seeding (sample photos and demo corpus)");
  if (spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { env, stdio: "ignore" }).status !== 0) throw new Error("seed failed");
  const children: ChildProcess[] = [
    spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], { env, stdio: "ignore" }),
    spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "workers/index.ts"], { env, stdio: "ignore" }),
  ];
  const sql = postgres(dbUrl, { max: 2, onnotice: () => undefined });
  try {
    for (let i = 0; i < 300 && !(await fetch(`${baseUrl}/api/health`).catch(() => null))?.ok; i++) await sleep(200);
    const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email: "admin@retouchiq.local", password }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    // Let ingest finish so thumbnails exist.
    for (let i = 0; i < 150 && Number((await sql`select count(*)::int as n from images where status = 'pending'`)[0].n) > 0; i++) await sleep(200);
    const ids: Ids = {
      images: (await sql<{ sha256: string }[]>`select sha256 from images where status = 'ready'`).map((r) => r.sha256),
      trajectories: (await sql<{ id: string }[]>`select id from trajectories limit 200`).map((r) => r.id),
    };
    const routes = ROUTES.filter((r) => r.path(ids) !== null);
    const bag = routes.flatMap((r) => Array.from({ length: r.weight }, () => r));
    const samples = new Map<string, number[]>(routes.map((r) => [r.name, []]));
    const errors = new Map<string, number>(routes.map((r) => [r.name, 0]));
    console.log(`[load] ${USERS} users for ${SECONDS} s against ${baseUrl} (${ids.images.length} images, ${ids.trajectories.length} trajectories)`);
    const stopAt = Date.now() + SECONDS * 1000;
    const user = async () => {
      await sleep(Math.random() * 1000); // users arrive over the first second
      while (Date.now() < stopAt) {
        const route = pick(bag);
        const t0 = performance.now();
        const res = await fetch(`${baseUrl}${route.path(ids)}`, { headers: { cookie }, redirect: "manual" }).catch(() => null);
        if (res) await res.arrayBuffer();
        const ms = performance.now() - t0;
        samples.get(route.name)!.push(ms);
        if (!res || res.status >= 400 || res.status === 307) errors.set(route.name, errors.get(route.name)! + 1);
        await sleep(100 + Math.random() * 400); // think time
      }
    };
    await Promise.all(Array.from({ length: USERS }, user));
    const q = (xs: number[], p: number) => Number((xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN).toFixed(1));
    const table = routes.map((r) => {
      const xs = samples.get(r.name)!.sort((a, b) => a - b);
      return { route: r.name, requests: xs.length, p50: q(xs, 0.5), p95: q(xs, 0.95), p99: q(xs, 0.99), errors: errors.get(r.name)! };
    });
    console.log("route".padEnd(40), "req".padStart(6), "p50".padStart(8), "p95".padStart(8), "p99".padStart(8), "err".padStart(5));
    for (const t of table) console.log(t.route.padEnd(40), String(t.requests).padStart(6), String(t.p50).padStart(8), String(t.p95).padStart(8), String(t.p99).padStart(8), String(t.errors).padStart(5));
    const total = table.reduce((n, t) => n + t.requests, 0);
    const failed = table.reduce((n, t) => n + t.errors, 0);
    console.log(
      JSON.stringify({
        bench: "load",
        users: USERS,
        seconds: SECONDS,
        requests: total,
        requestsPerSecond: Number((total / SECONDS).toFixed(1)),
        errorRate: Number((failed / Math.max(1, total)).toFixed(4)),
        maxP95Ms: Math.max(...table.map((t) => t.p95)),
        routes: table,
      }),
    );
  } finally {
    await sql.end();
    for (const c of children) c.kill("SIGTERM");
    rmSync(storage, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
