import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { query as sql } from "./review-fixtures";

// Access matrix, blind labelling, through the production server: the /compare page an
// annotator opens (HTML with its inline RSC payload, and the RSC payload alone) and every
// image URL it names carry nothing of the pair's origin, model, round, strategy, the
// candidates behind A and B, or the other annotator's vote. The fixtures carry distinctive
// strings and every byte received is searched for them; after the vote the reveal shows them.
const tag = randomBytes(6).toString("hex");
const SECRET = {
  strategy: `probe-strategy-${tag}`,
  model: `probe-policy-model-${tag}`,
  judge: `probe-judge-${tag}`,
  renderer: `engine:probe-${tag}`,
  reason: `probe-weak-check-${tag}`,
};
const PASSWORD = `blind-${tag}-password`;

async function annotator(n: number) {
  const id = randomUUID();
  const email = `blind-${tag}-${n}@e2e.local`;
  await sql`insert into "user" (id, name, email, role, email_verified) values (${id}, ${`Blind ${n}`}, ${email}, 'annotator', true)`;
  await sql`insert into account (id, account_id, provider_id, user_id, password) values (${randomUUID()}, ${id}, 'credential', ${id}, ${await hashPassword(PASSWORD)})`;
  return { id, email };
}

/** A pair whose provenance is all distinctive strings, first in the compare queue with two slots. */
async function seedPair() {
  const photos = await sql<{ sha256: string }[]>`select sha256 from images where status = 'ready' order by sha256 limit 3`;
  if (photos.length < 3) throw new Error("the e2e seed should have three sample photos");
  const [source, strongKey, weakKey] = photos.map((p) => p.sha256);
  const [t] =
    await sql`insert into trajectories (source_sha, params, origin, status, category) values (${source}, ${sql.json({ Exposure2012: 0.8 })}, 'synthetic', 'accepted', 'quality') returning id`;
  const [i] =
    await sql`insert into instructions (trajectory_id, version, variant, text, reasoning, model_name, backend, prompt_version, status)
    values (${t.id}, 1, 'medium', 'Lift the shadows a little and warm it up.', '', 'hand', 'heuristic', 'test', 'accepted') returning id`;
  // Its perturb step counts as done, so the sweeper adds no pairs of its own to this probe's instruction.
  await sql`insert into perturb_runs (instruction_id, round, completed_at) values (${i.id}, 1, now())`;
  const [s] = await sql`insert into candidates (trajectory_id, instruction_id, params, params_hash, renderer, origin, image_key)
    values (${t.id}, ${i.id}, ${sql.json({ Exposure2012: 0.8 })}, ${`s-${tag}`}, ${SECRET.renderer}, 'user', ${strongKey}) returning id`;
  const [w] =
    await sql`insert into candidates (trajectory_id, instruction_id, params, params_hash, renderer, origin, kind, strategy, model_name, round, image_key, weak_check, weak_check_reason, weak_check_by)
    values (${t.id}, ${i.id}, ${sql.json({ Exposure2012: 0.1 })}, ${`w-${tag}`}, ${SECRET.renderer}, 'policy', 'model', ${SECRET.strategy}, ${SECRET.model}, 7, ${weakKey}, 'weaker', ${SECRET.reason}, ${SECRET.judge}) returning id`;
  const [p] =
    await sql`insert into pairs (instruction_id, strong_id, weak_id, origin, kind, round, renderer) values (${i.id}, ${s.id}, ${w.id}, 'policy', 'model', 7, ${SECRET.renderer}) returning id`;
  await sql`insert into labels (pair_id, labeler_kind, model_name, choice, left_was, raw_output) values (${p.id}, 'model', ${SECRET.judge}, 'strong', 'strong', ${`probe-judge-says-${tag}`})`;
  await sql`insert into work_slots (kind, item_id, slot, priority) values ('compare', ${p.id}, 0, 1000000), ('compare', ${p.id}, 1, 1000000)`;
  return {
    pairId: p.id as string,
    hidden: [...Object.values(SECRET), `probe-judge-says-${tag}`, s.id as string, w.id as string, strongKey, weakKey],
  };
}

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post("/api/auth/sign-in/email", { data: { email, password: PASSWORD }, headers: { origin: baseURL } });
  expect(res.status(), `sign in as ${email}`).toBe(200);
  return api;
}

/** Everything the compare page hands this annotator before the vote: page HTML, RSC payload, every image it names. */
async function receivedBeforeVote(api: APIRequestContext, pairId: string): Promise<[string, string][]> {
  const page = await api.get("/compare");
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html, "the page opens on the seeded pair").toContain(pairId);
  const rsc = await api.get("/compare", { headers: { RSC: "1" } });
  expect(rsc.status()).toBe(200);
  const received: [string, string][] = [
    ["GET /compare (HTML)", `${JSON.stringify(page.headers())}\n${html}`],
    ["GET /compare (RSC)", `${JSON.stringify(rsc.headers())}\n${await rsc.text()}`],
  ];
  const urls = [...new Set(html.match(/\/api\/v1\/(?:pairs|images|candidates)\/[\w./-]+/g) ?? [])].filter((u) => !u.endsWith("."));
  expect(urls, "the page names both sides' images").toEqual(
    expect.arrayContaining([`/api/v1/pairs/${pairId}/a`, `/api/v1/pairs/${pairId}/b`]),
  );
  for (const url of urls) {
    const res = await api.get(url);
    expect(res.status(), url).toBe(200);
    received.push([`GET ${url}`, `${JSON.stringify(res.headers())}\n${(await res.body()).toString("latin1")}`]);
  }
  return received;
}

test("blind labelling: the compare page, its RSC payload and its images name no origin, model, candidate or earlier vote", async ({
  baseURL,
}) => {
  const { pairId, hidden } = await seedPair();
  const [first, second] = [await annotator(1), await annotator(2)];
  const vote = async (api: APIRequestContext) => {
    const res = await api.post("/api/v1/compare/labels", { data: { pairId, choice: "a" }, headers: { origin: baseURL! } });
    expect(res.status()).toBe(200);
    return res.text();
  };

  const firstApi = await signedIn(baseURL!, first.email);
  for (const [where, text] of await receivedBeforeVote(firstApi, pairId))
    for (const s of hidden) expect(text.includes(s), `${where} contains "${s}"`).toBe(false);
  const reveal = await vote(firstApi);
  // After the vote the provenance is revealed: the strings searched for are real.
  expect(reveal).toContain(SECRET.strategy);
  expect(reveal).toContain(SECRET.model);

  const secondApi = await signedIn(baseURL!, second.email);
  for (const [where, text] of await receivedBeforeVote(secondApi, pairId))
    for (const s of [...hidden, first.id, first.email]) expect(text.includes(s), `${where} contains "${s}"`).toBe(false);
  await vote(secondApi); // leaves the queue as it found it
  await firstApi.dispose();
  await secondApi.dispose();
});
