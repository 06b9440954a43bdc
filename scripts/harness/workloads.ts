// What the chaos harness's simulated users do. A workload submits one unit of
// work through the app's HTTP API (as a user would) and, after the run, checks
// that everything the app accepted is stored exactly once and reached its final
// state. Add a workload by adding an object to WORKLOADS.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import sharp from "sharp";
import type postgres from "postgres";

export type Submitted = { key: string };
export type Verdict = {
  stored: number;
  duplicates: number;
  unfinished: number;
  failed: number;
  retries: number;
  /** Workload-specific counts for the report (e.g. the review decision mix). */
  detail?: Record<string, number>;
};
export type Workload = {
  name: string;
  /** Users running this workload at once. */
  users: number;
  /** When set, each user is its own account of this role with its own API token; otherwise all share the researcher's. */
  role?: "annotator" | "reviewer" | "researcher";
  /** Writes the work this workload's users take (straight to the harness database) before they start. */
  seed?(sql: postgres.Sql): Promise<void>;
  /**
   * One submission; resolves with the response (the runner classifies it) and the key when accepted,
   * or `idle` when there was nothing to do (an empty queue: neither accepted nor refused).
   */
  submit(args: { baseUrl: string; token: string; userId: string; seq: number }): Promise<{ res: Response; key?: string; idle?: boolean }>;
  verify(sql: postgres.Sql, keys: string[]): Promise<Verdict>;
};

/** A tiny image unique to `seq`: its colour encodes the number. */
const uniqueImage = (seq: number, format: "png" | "jpeg") =>
  sharp({ create: { width: 40, height: 32, channels: 3, background: { r: seq & 255, g: (seq >> 8) & 255, b: 128 + ((seq >> 16) & 127) } } })
    [format]()
    .toBuffer();

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export const uploadWorkload: Workload = {
  name: "upload",
  users: 4,
  async submit({ baseUrl, token, seq }) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await uniqueImage(seq, "png"))], { type: "image/png" }), `chaos-${seq}.png`);
    const res = await fetch(`${baseUrl}/api/v1/images`, { method: "POST", body: form, headers: auth(token) });
    if (res.status !== 200 && res.status !== 201) return { res };
    const body = (await res.clone().json()) as { sha256: string };
    return { res, key: body.sha256 };
  },
  async verify(sql, keys) {
    if (keys.length === 0) return { stored: 0, duplicates: 0, unfinished: 0, failed: 0, retries: 0 };
    const rows = await sql<
      { sha256: string; status: string; attempts: number }[]
    >`select sha256, status, attempts from images where sha256 in ${sql(keys)}`;
    const audits = await sql<
      { n: number }[]
    >`select count(*)::int as n from (select subject_id from audit_log where action = 'image.upload' and subject_id in ${sql(keys)} group by subject_id having count(*) > 1) d`;
    return {
      stored: rows.length,
      duplicates: audits[0].n,
      unfinished: rows.filter((r) => r.status === "pending").length,
      failed: rows.filter((r) => r.status === "failed").length,
      retries: rows.reduce((n, r) => n + Math.max(0, r.attempts - 1), 0),
    };
  },
};

const XMP = (exposure: number) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:Exposure2012="${exposure.toFixed(2)}" crs:Contrast2012="25"/></rdf:RDF></x:xmpmeta>`;

/** A researcher drops a one-photo Lightroom export: import → trajectory → annotation (heuristic annotator). */
export const importWorkload: Workload = {
  name: "import",
  users: 1,
  async submit({ baseUrl, token, seq }) {
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(await uniqueImage(seq, "jpeg"))], { type: "image/jpeg" }), "p.jpg");
    form.append("files", new Blob([XMP(0.5 + (seq % 10) / 10)], { type: "application/xml" }), "p.xmp");
    form.append("paths", JSON.stringify([`shoot-${seq}/p.jpg`, `shoot-${seq}/p.xmp`]));
    const res = await fetch(`${baseUrl}/api/v1/corpus/imports`, { method: "POST", body: form, headers: auth(token) });
    if (res.status !== 202) return { res };
    return { res, key: ((await res.clone().json()) as { importId: string }).importId };
  },
  async verify(sql, keys) {
    if (keys.length === 0) return { stored: 0, duplicates: 0, unfinished: 0, failed: 0, retries: 0 };
    const runs = await sql<
      { id: string; status: string; imported: number; failed: number }[]
    >`select id, status, imported, failed from imports where id in ${sql(keys)}`;
    const trajectories = await sql<{ import_id: string; n: number; unannotated: number }[]>`
      select import_id, count(*)::int as n, count(*) filter (where status = 'imported')::int as unannotated
      from trajectories where import_id in ${sql(keys)} group by import_id`;
    const doubled = await sql<{ n: number }[]>`
      select count(*)::int as n from (
        select i.trajectory_id, i.variant from instructions i join trajectories t on t.id = i.trajectory_id
        where t.import_id in ${sql(keys)} group by 1, 2 having count(*) > 1) d`;
    const byImport = new Map(trajectories.map((t) => [t.import_id, t]));
    return {
      stored: runs.filter((r) => (byImport.get(r.id)?.n ?? 0) >= 1 || r.failed > 0).length,
      duplicates: trajectories.reduce((n, t) => n + Math.max(0, t.n - 1), 0) + doubled[0].n,
      unfinished: runs.filter((r) => r.status === "running").length + trajectories.reduce((n, t) => n + t.unannotated, 0),
      failed: runs.reduce((n, r) => n + r.failed, 0),
      retries: 0,
    };
  },
};

/** A user of `role` and an API token for a simulated user (written straight to the harness database). */
export async function seedUserToken(
  sql: postgres.Sql,
  role: "annotator" | "reviewer" | "researcher",
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  await sql`insert into "user" (id, name, email, role, email_verified) values (${id}, 'Harness', ${`harness-${id.slice(0, 8)}@harness.local`}, ${role}, true)`;
  const token = `riq_${randomBytes(24).toString("base64url")}`;
  await sql`insert into api_tokens (user_id, name, prefix, token_hash) values (${id}, 'harness', ${token.slice(0, 10)}, ${createHash("sha256").update(token).digest("hex")})`;
  return { id, token };
}

const NONE: Verdict = { stored: 0, duplicates: 0, unfinished: 0, failed: 0, retries: 0 };
const json = (token: string, body: unknown) => ({
  method: "POST",
  headers: { ...auth(token), "content-type": "application/json" },
  body: JSON.stringify(body),
});
/** Keys are `<item id>:<user id>`; split them for a query. */
const splitKeys = (keys: string[]) => [...new Set(keys)].map((k) => k.split(":", 2) as [string, string]);

/** Two placeholder photos the seeded trajectories point at (the review and compare APIs never read the pixels). */
async function seedPhotos(sql: postgres.Sql): Promise<[string, string]> {
  const [a, b] = [randomHex(), randomHex()];
  await sql`insert into images (sha256, status, format, bytes, width, height) values (${a}, 'ready', 'png', 100, 40, 32), (${b}, 'ready', 'png', 100, 40, 32)`;
  return [a, b];
}
const randomHex = () => randomBytes(32).toString("hex");

/**
 * `n` in-review trajectories with three instruction variants each and `overlap` review queue
 * slots each (as e2e/review-fixtures.ts does, in one statement), over `photos` or two placeholder
 * images rows without blobs. Returns nothing: the queue hands them out.
 */
export async function seedReviewItems(sql: postgres.Sql, n: number, overlap: number, photos?: [string, string]) {
  const [a, b] = photos ?? (await seedPhotos(sql));
  await sql`
    with t as (
      insert into trajectories (source_sha, target_sha, params, origin, status, category, target_rendered)
      select ${a}, ${b}, ${sql.json({ Exposure2012: 0.5, Contrast2012: 20 })}, 'synthetic', 'in_review', 'quality', true from generate_series(1, ${n})
      returning id),
    i as (
      insert into instructions (trajectory_id, version, variant, text, reasoning, model_name, backend, prompt_version, status)
      select t.id, 1, v, v || ': brighten the photo and add contrast', 'The photo looks flat and dark.', 'heuristic', 'heuristic', 'heuristic-annotate-v1', 'in_review'
      from t cross join unnest(array['short', 'medium', 'long']) v)
    insert into work_slots (kind, item_id, slot, priority) select 'review', t.id, s, 100 from t cross join generate_series(0, ${overlap - 1}) s`;
}

/**
 * `n` strong/weak pairs (accepted instruction whose perturb step is recorded done, so the
 * sweeper queues no perturb job for it; a `user` strong candidate and a perturbed weak one)
 * with `overlap` compare queue slots each, already labelled by the reward model both ways round,
 * as the pipeline's judge-pair job leaves a pair within seconds of creating it. Without those
 * labels the sweeper queues a judge job per pair a minute after the workers start, and each
 * fails on the members' missing renders: a burst of failing work no real pipeline makes, in the
 * middle of what a harness measures.
 */
export async function seedComparePairs(sql: postgres.Sql, n: number, overlap: number, photos?: [string, string]) {
  const [a, b] = photos ?? (await seedPhotos(sql));
  await sql`
    with t as (
      insert into trajectories (source_sha, target_sha, params, origin, status, category, target_rendered)
      select ${a}, ${b}, ${sql.json({ Exposure2012: 0.5 })}, 'synthetic', 'accepted', 'quality', true from generate_series(1, ${n})
      returning id),
    i as (
      insert into instructions (trajectory_id, version, variant, text, reasoning, model_name, backend, prompt_version, status)
      select t.id, 1, 'short', 'brighten the photo', '', 'heuristic', 'heuristic', 'heuristic-annotate-v1', 'accepted' from t
      returning id, trajectory_id),
    d as (insert into perturb_runs (instruction_id, round, completed_at) select i.id, 1, now() from i),
    s as (
      insert into candidates (trajectory_id, instruction_id, params, params_hash, renderer, origin)
      select i.trajectory_id, i.id, ${sql.json({ Exposure2012: 0.5 })}, 'strong-' || i.id, 'engine:chaos', 'user' from i
      returning id, instruction_id),
    w as (
      insert into candidates (trajectory_id, instruction_id, params, params_hash, renderer, origin, strategy, kind)
      select i.trajectory_id, i.id, ${sql.json({ Exposure2012: 0.1 })}, 'weak-' || i.id, 'engine:chaos', 'perturber', 'scale:0.2', 'scale_down' from i
      returning id, instruction_id),
    p as (
      insert into pairs (instruction_id, strong_id, weak_id, origin, kind, renderer)
      select s.instruction_id, s.id, w.id, 'perturbed', 'scale_down', 'engine:chaos' from s join w using (instruction_id)
      returning id),
    m as (
      insert into labels (pair_id, labeler_kind, model_name, choice, left_was, swapped, score_strong, score_weak)
      select p.id, 'model', 'seed-reward', 'strong', side.left_was, side.swapped, 0.8, 0.4
      from p cross join (values ('strong', false), ('weak', true)) side(left_was, swapped))
    insert into work_slots (kind, item_id, slot, priority) select 'compare', p.id, k, 100 from p cross join generate_series(0, ${overlap - 1}) k`;
}

type ReviewItem = { trajectoryId: string; variants: { id: string; text: string; lockVersion: number }[] };
type ReviewChoice = "accept" | "edit" | "reject";
/** Per accepted `<item>:<user>` key: what was decided and, for edits, the exact text sent per variant. */
const reviewsSent = new Map<string, { choice: ReviewChoice; edits: Map<string, string> }>();

/**
 * Annotators in the review workspace: Next, then a blind decision on every variant — accept,
 * edit then accept (a text unique to this submission), or reject — in turn. Two annotators per
 * item: agreeing decisions settle it, others open a dispute.
 */
export const reviewWorkload: Workload = {
  name: "review",
  users: 2,
  role: "annotator",
  seed: (sql) => seedReviewItems(sql, 600, 2),
  async submit({ baseUrl, token, userId, seq }) {
    const next = await fetch(`${baseUrl}/api/v1/review/next`, json(token, {}));
    if (next.status !== 200) return { res: next };
    const { item } = (await next.json()) as { item: ReviewItem | null };
    if (!item) return { res: next, idle: true };
    const choice = (["accept", "edit", "reject"] as const)[seq % 3];
    const edits = new Map<string, string>();
    const decisions = item.variants.map((v) => {
      const base = { instructionId: v.id, lockVersion: v.lockVersion };
      if (choice === "reject")
        return { ...base, decision: "reject", reason: (["unclear_intent", "wrong_direction", "not_retouching"] as const)[seq % 3] };
      if (choice === "accept") return { ...base, decision: "accept" };
      const text = `${v.text}, edited by ${userId.slice(0, 8)} #${seq}`;
      edits.set(v.id, text);
      return { ...base, decision: "edit", text };
    });
    const res = await fetch(
      `${baseUrl}/api/v1/review/items/${item.trajectoryId}/decisions`,
      json(token, { submissionId: randomUUID(), decisions }),
    );
    if (res.status !== 200) return { res };
    const key = `${item.trajectoryId}:${userId}`;
    reviewsSent.set(key, { choice, edits });
    return { res, key };
  },
  async verify(sql, keys) {
    if (keys.length === 0) return NONE;
    const pairs = splitKeys(keys);
    // Per accepted (item, annotator): one annotation row for each of the item's variants, never two.
    const rows = await sql<{ trajectory_id: string; reviewer_id: string; variants: number; rows: number; decisions: string[] }[]>`
      select r.trajectory_id, r.reviewer_id, count(distinct r.instruction_id)::int as variants, count(*)::int as rows, array_agg(r.decision::text) as decisions
      from reviews r join (select * from unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::text[]) as k(t, u)) k
        on r.trajectory_id = k.t and r.reviewer_id = k.u
      where r.stage = 'annotation' group by 1, 2`;
    const variants = await sql<{ trajectory_id: string; n: number }[]>`
      select trajectory_id, count(*)::int as n from instructions where trajectory_id in ${sql([...new Set(pairs.map((p) => p[0]))])} group by 1`;
    const want = new Map(variants.map((v) => [v.trajectory_id, v.n]));
    const doubled = await sql<{ n: number }[]>`
      select count(*)::int as n from (select instruction_id, reviewer_id, stage from reviews group by 1, 2, 3 having count(*) > 1) d`;
    // Every edited text sent must be stored exactly once, byte for byte, on its variant and annotator.
    const sentEdits = [...new Set(keys)].flatMap((k) =>
      [...(reviewsSent.get(k)?.edits ?? [])].map(([instructionId, text]) => ({ k, instructionId, text, user: k.split(":", 2)[1] })),
    );
    const storedEdits = sentEdits.length
      ? await sql<{ instruction_id: string; reviewer_id: string; edited_text: string }[]>`
          select instruction_id, reviewer_id, edited_text from reviews
          where stage = 'annotation' and edited_text in ${sql(sentEdits.map((e) => e.text))}`
      : [];
    const exact = sentEdits.filter(
      (e) =>
        storedEdits.filter((r) => r.edited_text === e.text).length === 1 &&
        storedEdits.some((r) => r.edited_text === e.text && r.instruction_id === e.instructionId && r.reviewer_id === e.user),
    );
    const editsOk = new Set(exact.map((e) => e.k));
    const keysWithEdits = new Set(sentEdits.map((e) => e.k));
    // A decision is stored when every variant has its row with the verdict sent (an edit as `edit`), and its edits are exact.
    const asSent = (r: (typeof rows)[number]) => {
      const sent = reviewsSent.get(`${r.trajectory_id}:${r.reviewer_id}`);
      const verdict = sent?.choice === "edit" ? "edit" : sent?.choice;
      return (
        r.variants === want.get(r.trajectory_id) &&
        r.decisions.every((d) => d === verdict) &&
        (!keysWithEdits.has(`${r.trajectory_id}:${r.reviewer_id}`) || editsOk.has(`${r.trajectory_id}:${r.reviewer_id}`))
      );
    };
    const choices = [...new Set(keys)].map((k) => reviewsSent.get(k)?.choice);
    return {
      stored: rows.filter(asSent).length,
      duplicates:
        Math.max(
          rows.reduce((n, r) => n + (r.rows - r.variants), 0),
          doubled[0].n,
        ) +
        storedEdits.length -
        new Set(storedEdits.map((r) => r.edited_text)).size,
      unfinished: 0,
      failed: 0,
      retries: 0,
      detail: {
        accepted: choices.filter((c) => c === "accept").length,
        edited: choices.filter((c) => c === "edit").length,
        rejected: choices.filter((c) => c === "reject").length,
        editsSent: sentEdits.length,
        editsStoredExactlyOnce: exact.length,
      },
    };
  },
};

/** Annotators in the compare workspace: Next pair, then a verdict. */
export const compareWorkload: Workload = {
  name: "compare",
  users: 2,
  role: "annotator",
  seed: (sql) => seedComparePairs(sql, 600, 2),
  async submit({ baseUrl, token, userId, seq }) {
    const next = await fetch(`${baseUrl}/api/v1/compare/next`, json(token, {}));
    if (next.status !== 200) return { res: next };
    const { pair } = (await next.json()) as { pair: { pairId: string } | null };
    if (!pair) return { res: next, idle: true };
    const res = await fetch(
      `${baseUrl}/api/v1/compare/labels`,
      json(token, { pairId: pair.pairId, choice: (["a", "b", "tie", "both_bad"] as const)[seq % 4], durationMs: 1200 }),
    );
    if (res.status !== 200) return { res };
    return { res, key: `${pair.pairId}:${userId}` };
  },
  async verify(sql, keys) {
    if (keys.length === 0) return NONE;
    const pairs = splitKeys(keys);
    const rows = await sql<{ n: number }[]>`
      select count(*)::int as n from labels l
      join (select * from unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::text[]) as k(p, u)) k on l.pair_id = k.p and l.user_id = k.u
      where l.labeler_kind = 'human'`;
    const stored = await sql<{ n: number }[]>`
      select count(distinct (l.pair_id, l.user_id))::int as n from labels l
      join (select * from unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::text[]) as k(p, u)) k on l.pair_id = k.p and l.user_id = k.u
      where l.labeler_kind = 'human'`;
    const doubled = await sql<{ n: number }[]>`
      select count(*)::int as n from (select pair_id, user_id from labels where labeler_kind = 'human' group by 1, 2 having count(*) > 1) d`;
    return { stored: stored[0].n, duplicates: Math.max(rows[0].n - stored[0].n, doubled[0].n), unfinished: 0, failed: 0, retries: 0 };
  },
};

export const WORKLOADS: Workload[] = [uploadWorkload, importWorkload, reviewWorkload, compareWorkload];
