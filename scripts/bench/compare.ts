// Compare benchmark: `npm run bench:compare [-- --labelers 50 --pairs 400 --overlap 3]`.
// Against the PRODUCTION build (`next build` first) on a dedicated database: seeds
// `pairs` pairs (+ gold) and `labelers` annotators, signs each in over HTTP, then
// every labeler loops next → submit (and now and then submits the same pair twice,
// like a double click) until the queue has nothing left for them. Reports p50/p95
// of next and submit, duplicate labels per (pair, user) and lost labels (a 200 the
// database does not hold). Prints a table, then one JSON object as the last line.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: { labelers: { type: "string", default: "50" }, pairs: { type: "string", default: "400" }, overlap: { type: "string", default: "3" }, keep: { type: "boolean", default: false } },
});
const LABELERS = Number(args.labelers);
const PAIRS = Number(args.pairs);
const OVERLAP = Number(args.overlap);
const PORT = Number(process.env.BENCH_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 50);
const BASE = `http://localhost:${PORT}`;
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BENCH_DB = `${process.env.QUEUE_PREFIX ?? "retouchiq"}_bench_compare`.replace(/[^a-z0-9_]/gi, "_");
const BENCH_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
const PASSWORD = "bench-password-1";
process.env.DATABASE_URL = BENCH_URL;
process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), "riq-bench-compare-"));
process.env.COMPARE_OVERLAP = String(OVERLAP);

const { dropDatabase, recreateDatabase } = await import("../db-setup");
const { getDb, closeDb } = await import("../../db/client");
const schema = await import("../../db/schema");
const { createUser } = await import("../../lib/auth");
const { systemContext } = await import("../../lib/context");
const { enqueueItems } = await import("../../lib/review/queue");
const { sql } = await import("drizzle-orm");

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);

async function seed() {
  await recreateDatabase(BENCH_URL);
  const db = getDb();
  const sha = "0".repeat(64);
  await db.insert(schema.images).values({ sha256: sha, status: "ready", format: "jpeg", bytes: 1, width: 1, height: 1 });
  const pairIds: string[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const [t] = await db.insert(schema.trajectories).values({ sourceSha: sha, params: { Exposure2012: 1 }, origin: "synthetic", status: "accepted", contentKey: randomUUID() }).returning();
    const [ins] = await db
      .insert(schema.instructions)
      .values({ trajectoryId: t.id, version: 1, variant: "medium", text: `Bench instruction ${i}`, modelName: "bench", backend: "heuristic", promptVersion: "bench", status: "accepted" })
      .returning();
    const base = { trajectoryId: t.id, instructionId: ins.id, renderer: "engine:bench", imageKey: sha };
    const [s, w] = await db
      .insert(schema.candidates)
      .values([
        { ...base, params: { Exposure2012: 1 }, paramsHash: `s${i}`, origin: "user" as const, magnitude: 2.5 },
        { ...base, params: {}, paramsHash: `w${i}`, origin: "perturber" as const, kind: "omit" as const, magnitude: 0 },
      ])
      .returning();
    const gold = i % 10 === 0;
    const [p] = await db
      .insert(schema.pairs)
      .values({ instructionId: ins.id, strongId: s.id, weakId: w.id, origin: "perturbed", kind: "omit", gold, goldAnswer: gold ? "strong" : null, renderer: "engine:bench" })
      .returning();
    if (!gold) pairIds.push(p.id);
  }
  await enqueueItems({ ctx: systemContext(), input: { kind: "compare", itemIds: pairIds, overlap: OVERLAP } });
  const emails: string[] = [];
  for (let i = 0; i < LABELERS; i++) {
    const email = `labeler${i}@bench.local`;
    await createUser({ ctx: systemContext(), input: { email, password: PASSWORD, role: "annotator", name: `Labeler ${i}` } });
    emails.push(email);
  }
  return emails;
}

function startServer() {
  const env = {
    ...process.env,
    PORT: String(PORT),
    APP_URL: BASE,
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? `bench-secret-${Date.now()}-0123456789abcdef`,
    AUTH_SIGNIN_RATE_LIMIT: "100000",
  };
  const child = spawn("npx", ["next", "start", "--port", String(PORT)], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stderr.on("data", (d) => process.stderr.write(`[next] ${d}`));
  return child;
}

async function waitHealthy() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not come up");
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: BASE }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function labeler(cookie: string, userId: string, nextMs: number[], submitMs: number[], acked: Set<string>, errors: string[]) {
  const headers = { "content-type": "application/json", cookie, origin: BASE };
  for (let n = 0; n < 10_000; n++) {
    let t = performance.now();
    const res = await fetch(`${BASE}/api/v1/compare/next`, { method: "POST", headers, body: "{}" });
    nextMs.push(performance.now() - t);
    if (!res.ok) {
      errors.push(`next ${res.status}`);
      return;
    }
    const { pair } = (await res.json()) as { pair: { pairId: string } | null };
    if (!pair) return;
    const body = JSON.stringify({ pairId: pair.pairId, choice: Math.random() < 0.5 ? "a" : "b" });
    const sends = Math.random() < 0.1 ? 2 : 1; // a double click now and then
    const results = await Promise.all(
      Array.from({ length: sends }, async () => {
        t = performance.now();
        const r = await fetch(`${BASE}/api/v1/compare/labels`, { method: "POST", headers, body });
        submitMs.push(performance.now() - t);
        return r;
      }),
    );
    for (const r of results) {
      await r.text();
      if (r.ok) acked.add(`${pair.pairId}|${userId}`);
      else errors.push(`submit ${r.status}`);
    }
  }
}

const emails = await seed();
const server = startServer();
let exitCode = 0;
try {
  await waitHealthy();
  const cookies = await Promise.all(emails.map(signIn));
  const ids = await getDb().select({ id: schema.users.id, email: schema.users.email }).from(schema.users);
  const idOf = new Map(ids.map((u) => [u.email, u.id]));
  // Warm up the routes once (the first request compiles nothing in production, but opens pools).
  await fetch(`${BASE}/api/v1/compare/next`, { method: "POST", headers: { cookie: cookies[0], origin: BASE }, body: "{}" }).then((r) => r.json());
  const nextMs: number[] = [];
  const submitMs: number[] = [];
  const acked = new Set<string>();
  const errors: string[] = [];
  const started = performance.now();
  await Promise.all(cookies.map((c, i) => labeler(c, idOf.get(emails[i])!, nextMs, submitMs, acked, errors)));
  const seconds = (performance.now() - started) / 1000;

  const [dup] = (await getDb().execute(sql`select count(*)::int as n from (select pair_id, user_id from labels where labeler_kind = 'human' group by 1, 2 having count(*) > 1) d`)) as unknown as { n: number }[];
  const stored = new Set(
    ((await getDb().execute(sql`select pair_id, user_id from labels where labeler_kind = 'human'`)) as unknown as { pair_id: string; user_id: string }[]).map((r) => `${r.pair_id}|${r.user_id}`),
  );
  // Every acknowledged submission must be in the database under its (pair, user).
  const lost = [...acked].filter((key) => !stored.has(key)).length;
  const result = {
    labelers: LABELERS,
    pairs: PAIRS,
    overlap: OVERLAP,
    labels: stored.size,
    seconds: Number(seconds.toFixed(1)),
    nextP50Ms: Number(pct(nextMs, 50).toFixed(1)),
    nextP95Ms: Number(pct(nextMs, 95).toFixed(1)),
    submitP50Ms: Number(pct(submitMs, 50).toFixed(1)),
    submitP95Ms: Number(pct(submitMs, 95).toFixed(1)),
    duplicates: dup.n,
    lost,
    errors: errors.length,
  };
  console.log(`labelers ${LABELERS} · pairs ${PAIRS} (overlap ${OVERLAP}) · ${stored.size} labels in ${result.seconds}s · errors ${errors.length}${errors.length ? ` (${errors.slice(0, 3).join(", ")})` : ""}`);
  console.log(`next   p50 ${result.nextP50Ms} ms  p95 ${result.nextP95Ms} ms`);
  console.log(`submit p50 ${result.submitP50Ms} ms  p95 ${result.submitP95Ms} ms`);
  console.log(`duplicate labels per (pair, user): ${dup.n}; lost labels: ${lost}`);
  console.log(JSON.stringify(result));
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    /* already gone */
  }
  await closeDb();
  if (!args.keep) await dropDatabase(BENCH_URL);
}
process.exit(exitCode);
