// Compare benchmark: `npm run bench:compare [-- --labelers 50 --pairs 3000 --overlap 3
//   --seconds 30 --think-ms 1000 --saturation-seconds 15]`.
// Against the PRODUCTION build (`next build` first) on a dedicated database: seeds
// `pairs` pairs (every 10th gold) and `labelers` annotators, signs each in over HTTP, then
// every labeler loops next → (looks at the pair) → submit (and now and then submits the
// same pair twice, like a double click), in two phases:
// - people (`--seconds`): each labeler looks at the pair for a lognormal think time with
//   mean `--think-ms` (1 s by default, quicker than anyone judges two photos) before
//   voting. The top-level p95s are this phase.
// - saturation (`--saturation-seconds`, 0 to skip): no think time, a closed loop: the
//   server's throughput ceiling and the latency at it (`saturation` in the JSON).
// A labeler stops early when the queue has nothing left for them. Reports p50/p95 of
// next and submit, duplicate labels per (pair, user) and lost labels (a 200 the database
// does not hold) over both phases. Prints a table, then one JSON object as the last line.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    labelers: { type: "string", default: "50" },
    pairs: { type: "string", default: "3000" },
    overlap: { type: "string", default: "3" },
    seconds: { type: "string", default: "30" },
    "think-ms": { type: "string", default: "1000" },
    "saturation-seconds": { type: "string", default: "15" },
    keep: { type: "boolean", default: false },
  },
});
const LABELERS = Number(args.labelers);
const PAIRS = Number(args.pairs);
const OVERLAP = Number(args.overlap);
const SECONDS = Number(args.seconds);
const THINK_MS = Number(args["think-ms"]);
const SATURATION_SECONDS = Number(args["saturation-seconds"]);
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

const { lognormalMs, percentile: pct, sleep } = await import("./think-time");

async function seed() {
  await recreateDatabase(BENCH_URL);
  const db = getDb();
  const sha = "0".repeat(64);
  await db.insert(schema.images).values({ sha256: sha, status: "ready", format: "jpeg", bytes: 1, width: 1, height: 1 });
  // One statement: trajectory → accepted instruction → strong (user) and weak (perturbed) candidates → pair; every 10th pair gold.
  const rows = (await db.execute(sql`
    with t as (
      insert into trajectories (source_sha, params, origin, status, content_key)
      select ${sha}, '{"Exposure2012": 1}'::jsonb, 'synthetic', 'accepted', 'bench-' || g from generate_series(0, ${PAIRS - 1}) g
      returning id, content_key),
    i as (
      insert into instructions (trajectory_id, version, variant, text, model_name, backend, prompt_version, status)
      select t.id, 1, 'medium', 'Bench instruction ' || t.content_key, 'bench', 'heuristic', 'bench', 'accepted' from t
      returning id, trajectory_id),
    s as (
      insert into candidates (trajectory_id, instruction_id, params, params_hash, renderer, image_key, origin, magnitude)
      select i.trajectory_id, i.id, '{"Exposure2012": 1}'::jsonb, 's' || i.id, 'engine:bench', ${sha}, 'user', 2.5 from i
      returning id, instruction_id),
    w as (
      insert into candidates (trajectory_id, instruction_id, params, params_hash, renderer, image_key, origin, kind, magnitude)
      select i.trajectory_id, i.id, '{}'::jsonb, 'w' || i.id, 'engine:bench', ${sha}, 'perturber', 'omit', 0 from i
      returning id, instruction_id),
    p as (
      insert into pairs (instruction_id, strong_id, weak_id, origin, kind, gold, gold_answer, renderer)
      select s.instruction_id, s.id, w.id, 'perturbed', 'omit', n % 10 = 0, case when n % 10 = 0 then 'strong' end, 'engine:bench'
      from (select s.*, row_number() over (order by s.instruction_id) as n from s) s join w using (instruction_id)
      returning id, gold)
    select id from p where not gold`)) as unknown as { id: string }[];
  const pairIds = rows.map((r) => r.id);
  for (let from = 0; from < pairIds.length; from += 10_000) {
    await enqueueItems({ ctx: systemContext(), input: { kind: "compare", itemIds: pairIds.slice(from, from + 10_000), overlap: OVERLAP } });
  }
  await db.execute(sql`analyze`);
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
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

type Samples = { nextMs: number[]; submitMs: number[]; acked: Set<string>; errors: string[] };

/** One labeler until `deadline`: next → look for a lognormal time of mean `thinkMs` → vote. */
async function labeler(cookie: string, userId: string, deadline: number, thinkMs: number, out: Samples) {
  const headers = { "content-type": "application/json", cookie, origin: BASE };
  if (thinkMs > 0) await sleep(Math.random() * thinkMs); // people do not all start at the same instant
  while (Date.now() < deadline) {
    let t = performance.now();
    const res = await fetch(`${BASE}/api/v1/compare/next`, { method: "POST", headers, body: "{}" });
    out.nextMs.push(performance.now() - t);
    if (!res.ok) {
      out.errors.push(`next ${res.status}`);
      return;
    }
    const { pair } = (await res.json()) as { pair: { pairId: string } | null };
    if (!pair) return;
    const looked = lognormalMs(thinkMs);
    await sleep(looked);
    const body = JSON.stringify({ pairId: pair.pairId, choice: Math.random() < 0.5 ? "a" : "b", durationMs: Math.round(looked) });
    const sends = Math.random() < 0.1 ? 2 : 1; // a double click now and then
    const results = await Promise.all(
      Array.from({ length: sends }, async () => {
        t = performance.now();
        const r = await fetch(`${BASE}/api/v1/compare/labels`, { method: "POST", headers, body });
        out.submitMs.push(performance.now() - t);
        return r;
      }),
    );
    for (const r of results) {
      await r.text();
      if (r.ok) out.acked.add(`${pair.pairId}|${userId}`);
      else out.errors.push(`submit ${r.status}`);
    }
  }
}

/** Every labeler for `seconds` (or until the queue has nothing left for them). */
async function phase(cookies: string[], userIds: string[], seconds: number, thinkMs: number, acked: Set<string>) {
  const out: Samples = { nextMs: [], submitMs: [], acked, errors: [] };
  const started = performance.now();
  const deadline = Date.now() + seconds * 1000;
  const before = acked.size;
  await Promise.all(cookies.map((c, i) => labeler(c, userIds[i], deadline, thinkMs, out)));
  const took = (performance.now() - started) / 1000;
  const r1 = (v: number) => Number(v.toFixed(1));
  return {
    nextP50Ms: r1(pct(out.nextMs, 50)),
    nextP95Ms: r1(pct(out.nextMs, 95)),
    submitP50Ms: r1(pct(out.submitMs, 50)),
    submitP95Ms: r1(pct(out.submitMs, 95)),
    labels: acked.size - before,
    labelsPerS: r1((acked.size - before) / took),
    requestsPerS: r1((out.nextMs.length + out.submitMs.length) / took),
    seconds: r1(took),
    errors: out.errors,
  };
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
  await fetch(`${BASE}/api/v1/compare/next`, { method: "POST", headers: { cookie: cookies[0], origin: BASE }, body: "{}" }).then((r) =>
    r.json(),
  );
  const userIds = emails.map((e) => idOf.get(e)!);
  const acked = new Set<string>();
  const people = await phase(cookies, userIds, SECONDS, THINK_MS, acked);
  const saturation = SATURATION_SECONDS > 0 ? await phase(cookies, userIds, SATURATION_SECONDS, 0, acked) : null;
  const errors = [...people.errors, ...(saturation?.errors ?? [])];

  const [dup] = (await getDb().execute(
    sql`select count(*)::int as n from (select pair_id, user_id from labels where labeler_kind = 'human' group by 1, 2 having count(*) > 1) d`,
  )) as unknown as { n: number }[];
  const stored = new Set(
    (
      (await getDb().execute(sql`select pair_id, user_id from labels where labeler_kind = 'human'`)) as unknown as {
        pair_id: string;
        user_id: string;
      }[]
    ).map((r) => `${r.pair_id}|${r.user_id}`),
  );
  // Every acknowledged submission (both phases) must be in the database under its (pair, user).
  const lost = [...acked].filter((key) => !stored.has(key)).length;
  const { errors: _peopleErrors, ...peopleFigures } = people;
  const result = {
    labelers: LABELERS,
    pairs: PAIRS,
    overlap: OVERLAP,
    thinkMsMean: THINK_MS,
    // The people phase (think time between next and submit).
    ...peopleFigures,
    duplicates: dup.n,
    lost,
    labelsStored: stored.size,
    errors: errors.length,
    // No think time: the throughput ceiling and the latency at it.
    saturation: saturation && {
      nextP50Ms: saturation.nextP50Ms,
      nextP95Ms: saturation.nextP95Ms,
      submitP50Ms: saturation.submitP50Ms,
      submitP95Ms: saturation.submitP95Ms,
      requestsPerS: saturation.requestsPerS,
      labelsPerS: saturation.labelsPerS,
      seconds: saturation.seconds,
    },
  };
  console.log(
    `labelers ${LABELERS} · pairs ${PAIRS} (overlap ${OVERLAP}) · ${stored.size} labels · errors ${errors.length}${errors.length ? ` (${errors.slice(0, 3).join(", ")})` : ""}`,
  );
  console.log(
    `people (think ${THINK_MS} ms, ${people.seconds} s): next p50 ${people.nextP50Ms} ms p95 ${people.nextP95Ms} ms · submit p50 ${people.submitP50Ms} ms p95 ${people.submitP95Ms} ms`,
  );
  if (saturation)
    console.log(
      `saturation (no think, ${saturation.seconds} s): next p95 ${saturation.nextP95Ms} ms · submit p95 ${saturation.submitP95Ms} ms · ${saturation.requestsPerS} req/s`,
    );
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
