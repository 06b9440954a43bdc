// npm run load — 100 simulated users for 60 s against the production build
// (next start; built when .next is missing), with the workers running.
// Each user signs in once (shared session of the seeded researcher) and loops
// over a weighted mix of what people do: dashboard, image grid, corpus browse,
// counts, a trajectory, thumbnails, pages — and, each as an annotator of its
// own (API token), reviews (next → decide) and compares (next → label). Prints
// p50/p95/p99 per route and the error rate; last line one JSON object. Uses its own database
// (<DATABASE_URL name>_load, recreated and seeded) and queue prefix.
// Think time: a person looks at a page before the next click, and reads an item
// before deciding. Each user pauses a uniform 1–3 s (`--think-min-ms`,
// `--think-max-ms`; mean 2 s) after every page view or action and between Next and
// the decision in the review and compare workspaces. The top-level figures are that
// regime, measured after a warm-up (`--warm-up-seconds`, default 15) of the same mix, whose
// figures are reported apart under `warmUp`: a freshly started server's first seconds are slower
// (most likely V8 running its code unoptimised; see scripts/bench/README.md). Then a saturation
// phase (`--saturation-seconds`, default 15, 0 to skip) runs the same mix with no think time at
// all — a closed loop far beyond what 100 people do — and reports its throughput and per-route
// p95 under `saturation`.
//   npm run load [-- --users 100 --seconds 60 --warm-up-seconds 15 --think-min-ms 1000 --think-max-ms 3000 --saturation-seconds 15]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { recreateDatabase } from "../db-setup";
import { randomUUID } from "node:crypto";
import { freePort } from "./services";
import { seedComparePairs, seedReviewItems, seedUserToken } from "./workloads";
import { sleep, uniformMs } from "../bench/think-time";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const USERS = arg("users", 100);
const SECONDS = arg("seconds", 60);
const THINK_MIN_MS = arg("think-min-ms", 1000);
const THINK_MAX_MS = arg("think-max-ms", 3000);
const SATURATION_SECONDS = arg("saturation-seconds", 15);
const WARM_UP_SECONDS = arg("warm-up-seconds", 15);
const WARM_UP_PER_ROUTE = 8;

/**
 * A route in the mix: its label in the report, how often users hit it, and the URL (from seeded
 * ids). A `step` route is a user's action in a workspace (POST, and what follows from the answer);
 * it times its own requests under their route names.
 */
type Route = { name: string; weight: number; path: (ids: Ids) => string | null; step?: Step };
type Step = (
  call: (name: string, path: string, body: unknown) => Promise<Response | null>,
  user: number,
  think: () => Promise<void>,
) => Promise<void>;
type Ids = { images: string[]; trajectories: string[] };
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

/** Review: Next (the held item or a new lease), read it, then a decision on every variant. */
const reviewStep: Step = async (call, _user, think) => {
  const next = await call("POST /api/v1/review/next", "/api/v1/review/next", {});
  const item = next?.ok
    ? ((await next.json()) as { item: { trajectoryId: string; variants: { id: string; lockVersion: number }[] } | null }).item
    : null;
  if (!item) return;
  await think();
  await call("POST /api/v1/review/items/[id]/decisions", `/api/v1/review/items/${item.trajectoryId}/decisions`, {
    submissionId: randomUUID(),
    decisions: item.variants.map((v) => ({
      instructionId: v.id,
      lockVersion: v.lockVersion,
      decision: "reject",
      reason: "unclear_intent",
    })),
  });
};
/** Compare: Next pair, look at it, then a verdict. */
const compareStep: Step = async (call, user, think) => {
  const next = await call("POST /api/v1/compare/next", "/api/v1/compare/next", {});
  const pair = next?.ok ? ((await next.json()) as { pair: { pairId: string } | null }).pair : null;
  if (!pair) return;
  await think();
  await call("POST /api/v1/compare/labels", "/api/v1/compare/labels", {
    pairId: pair.pairId,
    choice: user % 2 ? "a" : "b",
    durationMs: 900,
  });
};

/** Add a workload route here. */
const ROUTES: Route[] = [
  { name: "GET /api/v1/dashboard", weight: 3, path: () => "/api/v1/dashboard" },
  { name: "GET /api/v1/images", weight: 3, path: () => "/api/v1/images?limit=48" },
  {
    name: "GET /api/v1/images/[sha]/thumbnail",
    weight: 6,
    path: (ids) => (ids.images.length ? `/api/v1/images/${pick(ids.images)}/thumbnail` : null),
  },
  { name: "GET /api/v1/corpus/trajectories", weight: 3, path: () => "/api/v1/corpus/trajectories?limit=100" },
  { name: "GET /api/v1/corpus/counts", weight: 2, path: () => "/api/v1/corpus/counts" },
  { name: "GET /corpus/[id] (page)", weight: 1, path: (ids) => (ids.trajectories.length ? `/corpus/${pick(ids.trajectories)}` : null) },
  { name: "GET / (page)", weight: 1, path: () => "/" },
  { name: "GET /corpus (page)", weight: 1, path: () => "/corpus" },
  { name: "review: next → decide", weight: 3, path: () => "", step: reviewStep },
  { name: "compare: next → label", weight: 3, path: () => "", step: compareStep },
];
/** The route names steps report under (they join the table). */
const STEP_ROUTES = [
  "POST /api/v1/review/next",
  "POST /api/v1/review/items/[id]/decisions",
  "POST /api/v1/compare/next",
  "POST /api/v1/compare/labels",
];

async function main() {
  if (!existsSync(".next/BUILD_ID") && spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0)
    throw new Error("next build failed");
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
  if (spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { env, stdio: "ignore" }).status !== 0)
    throw new Error("seed failed");
  const children: ChildProcess[] = [
    spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      env,
      stdio: "ignore",
    }),
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
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    // Let ingest finish so thumbnails exist.
    for (let i = 0; i < 150 && Number((await sql`select count(*)::int as n from images where status = 'pending'`)[0].n) > 0; i++)
      await sleep(200);
    const ids: Ids = {
      images: (await sql<{ sha256: string }[]>`select sha256 from images where status = 'ready'`).map((r) => r.sha256),
      trajectories: (await sql<{ id: string }[]>`select id from trajectories limit 200`).map((r) => r.id),
    };
    // Work for the review and compare workspaces over two sample photos: plenty, so the queues do not run dry.
    const photos = ids.images.slice(0, 2) as [string, string];
    if (photos.length < 2) throw new Error("the seed should have sample photos");
    await seedReviewItems(sql, USERS * 40, 1, photos);
    await seedComparePairs(sql, USERS * 40, 1, photos);
    const annotators = await Promise.all(Array.from({ length: USERS }, () => seedUserToken(sql, "annotator")));
    const routes = ROUTES.filter((r) => r.path(ids) !== null);
    const bag = routes.flatMap((r) => Array.from({ length: r.weight }, () => r));
    const names = [...routes.filter((r) => !r.step).map((r) => r.name), ...STEP_ROUTES];
    console.log(`[load] ${USERS} users against ${baseUrl} (${ids.images.length} images, ${ids.trajectories.length} trajectories)`);

    /** Every user loops over the mix for `seconds`, pausing uniformly in [thinkMin, thinkMax] ms between actions. */
    const phase = async (seconds: number, thinkMin: number, thinkMax: number) => {
      const samples = new Map<string, number[]>(names.map((n) => [n, []]));
      const errors = new Map<string, number>(names.map((n) => [n, 0]));
      const timed = async (name: string, init: () => Promise<Response>) => {
        const t0 = performance.now();
        const res = await init().catch(() => null);
        const body = res ? await res.arrayBuffer() : null;
        samples.get(name)!.push(performance.now() - t0);
        if (!res || res.status >= 400 || res.status === 307) errors.set(name, errors.get(name)! + 1);
        // Hand the caller a readable response (the body was read for the timing).
        return res ? new Response(body, { status: res.status, headers: res.headers }) : null;
      };
      const think = () => (thinkMax > 0 ? sleep(uniformMs(thinkMin, thinkMax)) : Promise.resolve());
      const started = performance.now();
      const stopAt = Date.now() + seconds * 1000;
      const user = async (_: unknown, n: number) => {
        // Browsing as the signed-in researcher; reviewing and comparing as this user's own annotator account.
        const post = (name: string, path: string, body: unknown) =>
          timed(name, () =>
            fetch(`${baseUrl}${path}`, {
              method: "POST",
              headers: { authorization: `Bearer ${annotators[n].token}`, "content-type": "application/json" },
              body: JSON.stringify(body),
            }),
          );
        await sleep(Math.random() * Math.max(1000, thinkMax)); // users arrive over the first seconds
        while (Date.now() < stopAt) {
          const route = pick(bag);
          if (route.step) await route.step(post, n, think);
          else await timed(route.name, () => fetch(`${baseUrl}${route.path(ids)}`, { headers: { cookie }, redirect: "manual" }));
          await think();
        }
      };
      await Promise.all(Array.from({ length: USERS }, user));
      const took = (performance.now() - started) / 1000;
      const q = (xs: number[], p: number) => Number((xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN).toFixed(1));
      const table = names.map((name) => {
        const xs = samples.get(name)!.sort((a, b) => a - b);
        return { route: name, requests: xs.length, p50: q(xs, 0.5), p95: q(xs, 0.95), p99: q(xs, 0.99), errors: errors.get(name)! };
      });
      const total = table.reduce((n, t) => n + t.requests, 0);
      const failed = table.reduce((n, t) => n + t.errors, 0);
      return {
        table,
        requests: total,
        requestsPerSecond: Number((total / took).toFixed(1)),
        errorRate: Number((failed / Math.max(1, total)).toFixed(4)),
        maxP95Ms: Math.max(...table.map((t) => t.p95)),
      };
    };
    const print = (title: string, table: { route: string; requests: number; p50: number; p95: number; p99: number; errors: number }[]) => {
      console.log(title);
      console.log("route".padEnd(40), "req".padStart(6), "p50".padStart(8), "p95".padStart(8), "p99".padStart(8), "err".padStart(5));
      for (const t of table)
        console.log(
          t.route.padEnd(40),
          String(t.requests).padStart(6),
          String(t.p50).padStart(8),
          String(t.p95).padStart(8),
          String(t.p99).padStart(8),
          String(t.errors).padStart(5),
        );
    };

    // Warm-up, not measured: the first requests to each route load its code into the fresh server.
    // Several at once on separate connections, so the server has run each route's code a few times (V8 compiles hot code lazily).
    for (const route of routes) {
      await Promise.all(
        Array.from({ length: WARM_UP_PER_ROUTE }, (_, n) =>
          route.step
            ? route.step(
                (_, path, body) =>
                  fetch(`${baseUrl}${path}`, {
                    method: "POST",
                    headers: { authorization: `Bearer ${annotators[n % annotators.length].token}`, "content-type": "application/json" },
                    body: JSON.stringify(body),
                  }),
                n,
                async () => {},
              )
            : fetch(`${baseUrl}${route.path(ids)}`, { headers: { cookie }, redirect: "manual" }).then((r) => r.arrayBuffer()),
        ),
      );
    }
    const warmUp = WARM_UP_SECONDS > 0 ? await phase(WARM_UP_SECONDS, THINK_MIN_MS, THINK_MAX_MS) : null;
    if (warmUp)
      print(`[load] warm-up (not in the figures below): think ${THINK_MIN_MS}–${THINK_MAX_MS} ms, ${WARM_UP_SECONDS} s`, warmUp.table);
    const people = await phase(SECONDS, THINK_MIN_MS, THINK_MAX_MS);
    print(`[load] people: think ${THINK_MIN_MS}–${THINK_MAX_MS} ms, ${SECONDS} s`, people.table);
    const saturation = SATURATION_SECONDS > 0 ? await phase(SATURATION_SECONDS, 0, 0) : null;
    if (saturation) print(`[load] saturation: no think time, ${SATURATION_SECONDS} s`, saturation.table);
    console.log(
      JSON.stringify({
        bench: "load",
        users: USERS,
        seconds: SECONDS,
        thinkMsMean: (THINK_MIN_MS + THINK_MAX_MS) / 2,
        thinkMsRange: [THINK_MIN_MS, THINK_MAX_MS],
        requests: people.requests,
        requestsPerSecond: people.requestsPerSecond,
        errorRate: people.errorRate,
        maxP95Ms: people.maxP95Ms,
        routes: people.table,
        warmUp: warmUp && { seconds: WARM_UP_SECONDS, requests: warmUp.requests, errorRate: warmUp.errorRate, maxP95Ms: warmUp.maxP95Ms },
        saturation: saturation && {
          seconds: SATURATION_SECONDS,
          requests: saturation.requests,
          requestsPerSecond: saturation.requestsPerSecond,
          errorRate: saturation.errorRate,
          maxP95Ms: saturation.maxP95Ms,
          p95ByRoute: Object.fromEntries(saturation.table.map((t) => [t.route, t.p95])),
        },
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
