// Review benchmark: `npm run bench:review [-- --items 200000 --annotators 50 --seconds 30
//   --think-ms 1000 --saturation-seconds 15 --port 3190 --keep]`.
// 1. fills a dedicated database with N in-review trajectories (3 instruction variants each)
//    and their review-queue slots (overlap 1), plus one annotator (with an API token) per client;
// 2. starts the production build (`next start`, so run `npm run build` first) on loopback;
// 3. runs one HTTP client per annotator, POST next → (reads the item) → POST decisions, in a loop,
//    in two phases:
//    - people (`--seconds`): each annotator reads the item for a lognormal think time with mean
//      `--think-ms` (1 s by default — far quicker than a real annotator, who reads three
//      instructions and looks at two photos) before submitting. The top-level p95s are this phase.
//    - saturation (`--saturation-seconds`, 0 to skip): no think time, a closed loop of clients that
//      fire the next request the moment the last one answers: the server's throughput ceiling and
//      the latency at that ceiling (`saturation` in the JSON).
// 4. counts rows over both phases: items decided by more than one annotator (duplicate
//    assignments) and acknowledged submissions missing from the database (lost).
// Prints a summary, then one JSON object as the last line.
import { spawn } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import postgres from "postgres";

const { values: args } = parseArgs({
  options: {
    items: { type: "string", default: "200000" },
    annotators: { type: "string", default: "50" },
    seconds: { type: "string", default: "30" },
    "think-ms": { type: "string", default: "1000" },
    "saturation-seconds": { type: "string", default: "15" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3190" },
    keep: { type: "boolean", default: false },
  },
});
const ITEMS = Number(args.items);
const ANNOTATORS = Number(args.annotators);
const SECONDS = Number(args.seconds);
const THINK_MS = Number(args["think-ms"]);
const SATURATION_SECONDS = Number(args["saturation-seconds"]);
const PORT = Number(args.port);
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BENCH_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${process.env.BENCH_REVIEW_DB ?? "retouchiq_bench_review"}`);
const BASE = `http://127.0.0.1:${PORT}`;

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first (the bench measures the built app).");
  process.exit(1);
}
const { recreateDatabase, dropDatabase } = await import("../db-setup");
const { lognormalMs, percentile: pct, sleep } = await import("./think-time");
const round = (v: number, d = 1) => Number(v.toFixed(d));

// 1. Data, written in bulk by Postgres itself.
const t0 = performance.now();
await recreateDatabase(BENCH_URL);
const sql = postgres(BENCH_URL, { max: 4, onnotice: () => {} });
const SHA = "b".repeat(64);
await sql`insert into images (sha256, status, format, bytes, width, height) values (${SHA}, 'ready', 'jpeg', 1, 8, 8)`;
const CHUNK = 50_000;
for (let from = 0; from < ITEMS; from += CHUNK) {
  const n = Math.min(CHUNK, ITEMS - from);
  await sql`
    with t as (
      insert into trajectories (source_sha, target_sha, params, origin, status, category, created_at)
      select ${SHA}, ${SHA}, jsonb_build_object('Exposure2012', round((random() * 2 - 1)::numeric, 2), 'Contrast2012', (random() * 60 - 30)::int),
             'synthetic', 'in_review', (array['quality','style','local'])[1 + (g % 3)], now() - make_interval(secs => ${ITEMS}::int - g)
      from generate_series(${from}::int, ${from + n - 1}::int) g
      returning id, created_at
    ), i as (
      insert into instructions (trajectory_id, version, variant, text, reasoning, model_name, backend, prompt_version, status)
      select t.id, 1, v, v || ' instruction for item ' || t.id, 'The photo needs it.', 'heuristic', 'heuristic', 'heuristic-annotate-v1', 'in_review'
      from t cross join unnest(array['short','medium','long']) v
    )
    insert into work_slots (kind, item_id, slot, created_at) select 'review', t.id, 0, t.created_at from t`;
}
// A live database with 200k items is not one still settling from a bulk load: vacuum now
// (visibility map, hint bits, statistics) rather than have autovacuum do it mid-measurement.
await sql`vacuum analyze`;
const tokens: string[] = [];
for (let i = 0; i < ANNOTATORS; i++) {
  const id = randomUUID();
  const token = `riq_${randomBytes(24).toString("base64url")}`;
  await sql`insert into "user" (id, email, name, role) values (${id}, ${`bench-annotator-${i}@bench.local`}, ${`Bench ${i}`}, 'annotator')`;
  await sql`insert into api_tokens (user_id, name, prefix, token_hash) values (${id}, 'bench', ${token.slice(0, 10)}, ${createHash("sha256").update(token).digest("hex")})`;
  tokens.push(token);
}
const seedSeconds = (performance.now() - t0) / 1000;
console.log(`seeded ${ITEMS} items (${ITEMS * 3} instructions) and ${ANNOTATORS} annotators in ${seedSeconds.toFixed(1)} s`);

// 2. The production build on loopback, against the bench database.
// BENCH_CPU_PROF_DIR=/tmp/x: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
const server = spawn(
  process.execPath,
  [...profile, "node_modules/next/dist/bin/next", "start", "--port", String(PORT), "--hostname", "127.0.0.1"],
  {
    env: {
      ...process.env,
      DATABASE_URL: BENCH_URL,
      PORT: String(PORT),
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  },
);
const stopServer = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stopServer);
for (let i = 0; ; i++) {
  const up = await fetch(`${BASE}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  if (i > 120) throw new Error("next start did not come up in 60 s");
  await new Promise((r) => setTimeout(r, 500));
}

// 3. The annotators: next → read → submit, until time is up.
type Ack = { submissionId: string; itemId: string; user: number };
type Item = { trajectoryId: string; variants: { id: string; lockVersion: number }[] };
const acks: Ack[] = [];
const errors = new Map<string, number>();
const fail = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
const post = async (url: string, token: string, body: unknown) => {
  const start = performance.now();
  const res = await fetch(`${BASE}${url}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  return { ms: performance.now() - start, status: res.status, json };
};

/** Every annotator loops for `seconds`, reading each item for a lognormal time of mean `thinkMs`. */
async function phase(seconds: number, thinkMs: number) {
  const nextMs: number[] = [];
  const submitMs: number[] = [];
  const started = performance.now();
  const deadline = Date.now() + seconds * 1000;
  let submissions = 0;
  await Promise.all(
    tokens.map(async (token, user) => {
      // People do not all start at the same instant.
      if (thinkMs > 0) await sleep(Math.random() * thinkMs);
      while (Date.now() < deadline) {
        const next = await post("/api/v1/review/next", token, {});
        if (next.status !== 200) {
          fail(`next ${next.status}`);
          continue;
        }
        nextMs.push(next.ms);
        const item = (next.json as { item: Item | null }).item;
        if (!item) break;
        await sleep(lognormalMs(thinkMs));
        const submissionId = randomUUID();
        const decisions = item.variants.map((v, i) =>
          i === 2 && user % 5 === 0
            ? { instructionId: v.id, lockVersion: v.lockVersion, decision: "reject", reason: "unclear_intent" }
            : { instructionId: v.id, lockVersion: v.lockVersion, decision: "accept" },
        );
        const sub = await post(`/api/v1/review/items/${item.trajectoryId}/decisions`, token, { submissionId, decisions, editBad: false });
        if (sub.status !== 200) {
          fail(`submit ${sub.status}`);
          continue;
        }
        submitMs.push(sub.ms);
        acks.push({ submissionId, itemId: item.trajectoryId, user });
        submissions++;
      }
    }),
  );
  const runSeconds = (performance.now() - started) / 1000;
  return {
    nextP50Ms: round(pct(nextMs, 50)),
    nextP95Ms: round(pct(nextMs, 95)),
    submitP50Ms: round(pct(submitMs, 50)),
    submitP95Ms: round(pct(submitMs, 95)),
    submissions,
    submissionsPerSecond: round(submissions / runSeconds),
    requestsPerS: round((nextMs.length + submitMs.length) / runSeconds),
    seconds: round(runSeconds),
  };
}

// Warm-up (first requests compile route modules and fill pools); not measured.
await Promise.all(tokens.slice(0, 4).map((t) => post("/api/v1/review/next", t, {})));
await sql`update work_slots set user_id = null, expires_at = null, claimed_at = null, renewed_at = null where done_at is null`;

const people = await phase(SECONDS, THINK_MS);
const saturation = SATURATION_SECONDS > 0 ? await phase(SATURATION_SECONDS, 0) : null;
stopServer();

// 4. Count rows.
const [{ duplicates }] = await sql<{ duplicates: number }[]>`
  select count(*)::int as duplicates from (select trajectory_id from reviews where stage = 'annotation' group by trajectory_id having count(distinct reviewer_id) > 1) d`;
const stored = new Set(
  (await sql<{ submission_id: string }[]>`select distinct submission_id from reviews where stage = 'annotation'`).map(
    (r) => r.submission_id,
  ),
);
const lost = acks.filter((a) => !stored.has(a.submissionId)).length;
const ackedItems = new Set(acks.map((a) => a.itemId));
await sql.end();
if (!args.keep) await dropDatabase(BENCH_URL);

const result = {
  // The people phase (think time between next and submit).
  nextP50Ms: people.nextP50Ms,
  nextP95Ms: people.nextP95Ms,
  submitP50Ms: people.submitP50Ms,
  submitP95Ms: people.submitP95Ms,
  // Over both phases: items decided by two annotators in the database, plus items two clients were both told they had submitted.
  duplicates: duplicates + (acks.length - ackedItems.size),
  lost,
  annotators: ANNOTATORS,
  items: ITEMS,
  thinkMsMean: THINK_MS,
  submissions: people.submissions,
  submissionsPerSecond: people.submissionsPerSecond,
  requestsPerS: people.requestsPerS,
  seconds: people.seconds,
  // No think time: the throughput ceiling and the latency at it.
  saturation: saturation && {
    nextP50Ms: saturation.nextP50Ms,
    nextP95Ms: saturation.nextP95Ms,
    submitP50Ms: saturation.submitP50Ms,
    submitP95Ms: saturation.submitP95Ms,
    requestsPerS: saturation.requestsPerS,
    submissionsPerSecond: saturation.submissionsPerSecond,
    seconds: saturation.seconds,
  },
  errors: Object.fromEntries(errors),
  seedSeconds: round(seedSeconds),
};
console.log(
  `people (think ${THINK_MS} ms): next p50 ${result.nextP50Ms} ms, p95 ${result.nextP95Ms} ms; submit p50 ${result.submitP50Ms} ms, p95 ${result.submitP95Ms} ms; ${result.submissions} submissions in ${result.seconds} s`,
);
if (saturation)
  console.log(
    `saturation (no think): next p95 ${saturation.nextP95Ms} ms, submit p95 ${saturation.submitP95Ms} ms; ${saturation.requestsPerS} req/s, ${saturation.submissionsPerSecond} submissions/s`,
  );
console.log(`duplicates ${result.duplicates}, lost ${result.lost}`);
console.log(JSON.stringify(result));
process.exit(0);
