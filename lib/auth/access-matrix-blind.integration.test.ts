// Access matrix, blind labelling: before an annotator votes, nothing they receive — the
// next-item JSON, the server action's answer, the A/B image responses (headers and bytes) —
// names a pair's origin, model, round, strategy, the candidates behind A and B, or another
// annotator's decision. Data-driven: the fixtures carry distinctive strings and every byte
// received is searched for them; after the vote the reveal shows them (so they are findable).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { apiTokens, candidates, labels, pairs, workSlots } from "@/db/schema";
import { getBlobStore } from "@/lib/storage";
import { makeActor } from "@/test/actors";
import { acceptedInstruction } from "@/test/preference";
import { makeReviewTrajectories } from "@/test/review/review-fixtures";
import type { Actor } from "./actor";

let currentHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => currentHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const tag = randomBytes(6).toString("hex");
/** Strings only the pair's provenance (or another annotator) carries. */
const SECRET = {
  strategy: `probe-strategy-${tag}`,
  weakModel: `probe-policy-model-${tag}`,
  judgeModel: `probe-judge-${tag}`,
  judgeSays: `probe-judge-verdict-${tag}`,
  weakReason: `probe-weak-check-${tag}`,
  renderer: `engine:probe-${tag}`,
  edit: `probe-edited-text-${tag}`,
  comment: `probe-comment-${tag}`,
  reasoning: `probe-reasoning-${tag}`,
};
/** Provenance words that have no business in a blind view (the instruction text avoids them). */
const ORIGIN_WORDS = /\b(strong|weak|perturb\w*|policy|human_fix|scale_down|gold|round|model\w*|strategy|origin|labels?|choice)\b/i;

type Annotator = Actor & { token: string };
async function annotator(): Promise<Annotator> {
  const actor = await makeActor("annotator");
  const token = `riq_${randomBytes(24).toString("base64url")}`;
  await getDb()
    .insert(apiTokens)
    .values({
      userId: actor.id,
      name: "blind",
      scopes: [],
      prefix: token.slice(0, 10),
      tokenHash: createHash("sha256").update(token).digest("hex"),
    });
  return { ...actor, token };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const route = async (path: string, method: string) =>
  ((await import(join(process.cwd(), "app", path, "route.ts"))) as Record<string, Handler>)[method];

/** Calls a route handler as `who`; returns everything received (status line, headers, body) as text plus the body bytes. */
async function receive(
  who: Annotator,
  method: "GET" | "POST",
  file: string,
  url: string,
  params: Record<string, string> = {},
  body?: unknown,
) {
  const headers: Record<string, string> = { authorization: `Bearer ${who.token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await (
    await route(file, method)
  )(new Request(`http://localhost${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve(params),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = `${res.status}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${bytes.toString("latin1")}`;
  return { status: res.status, text, json: () => JSON.parse(bytes.toString("utf8")) as unknown };
}

/** Calls a server action module's export as `who`. */
async function action(who: Annotator, file: string, name: string, input: unknown) {
  currentHeaders = new Headers({ authorization: `Bearer ${who.token}` });
  const mod = (await import(join(process.cwd(), file))) as Record<string, (input: unknown) => Promise<unknown>>;
  return JSON.stringify(await mod[name](input));
}

function expectNothingOf(received: string, secrets: string[], where: string) {
  for (const s of secrets) expect(received.includes(s), `${where} contains "${s}"`).toBe(false);
}

describe("blind labelling leaks nothing before the vote", () => {
  const hidden: string[] = Object.values(SECRET);
  let pairId: string;

  beforeAll(async () => {
    const { instruction } = await acceptedInstruction({ params: { Exposure2012: 0.8 }, text: "Lift the shadows a little and warm it up." });
    const render = async (r: number) =>
      (
        await getBlobStore().put(
          new Uint8Array(
            await sharp({ create: { width: 24, height: 16, channels: 3, background: { r, g: 90, b: 60 } } })
              .jpeg()
              .toBuffer(),
          ),
          { contentType: "image/jpeg" },
        )
      ).key;
    const [strongKey, weakKey] = [await render(200), await render(40)];
    const [strong] = await getDb()
      .insert(candidates)
      .values({
        trajectoryId: instruction.trajectoryId,
        instructionId: instruction.id,
        params: { Exposure2012: 0.8 },
        paramsHash: `s-${tag}`,
        renderer: SECRET.renderer,
        origin: "user",
        imageKey: strongKey,
      })
      .returning();
    const [weak] = await getDb()
      .insert(candidates)
      .values({
        trajectoryId: instruction.trajectoryId,
        instructionId: instruction.id,
        params: { Exposure2012: 0.1 },
        paramsHash: `w-${tag}`,
        renderer: SECRET.renderer,
        origin: "policy",
        kind: "model",
        strategy: SECRET.strategy,
        modelName: SECRET.weakModel,
        round: 7,
        imageKey: weakKey,
        weakCheck: "weaker",
        weakCheckReason: SECRET.weakReason,
        weakCheckBy: SECRET.judgeModel,
      })
      .returning();
    const [pair] = await getDb()
      .insert(pairs)
      .values({
        instructionId: instruction.id,
        strongId: strong.id,
        weakId: weak.id,
        origin: "policy",
        kind: "model",
        round: 7,
        renderer: SECRET.renderer,
      })
      .returning();
    pairId = pair.id;
    await getDb().insert(labels).values({
      pairId,
      labelerKind: "model",
      modelName: SECRET.judgeModel,
      choice: "strong",
      leftWas: "strong",
      rawOutput: SECRET.judgeSays,
    });
    // Two labels wanted, ahead of anything else other files left in the queue.
    await getDb()
      .insert(workSlots)
      .values([0, 1].map((slot) => ({ kind: "compare" as const, itemId: pairId, slot, priority: 1_000_000 })));
    hidden.push(strong.id, weak.id, strongKey, weakKey);
  });

  it("compare: the next pair, the action's answer and both images say nothing of origin, model, round or the first vote", async () => {
    const [first, second] = [await annotator(), await annotator()];
    const seenBy = async (who: Annotator, also: string[]) => {
      const next = await receive(who, "POST", "api/v1/compare/next", "/api/v1/compare/next", {}, {});
      expect(next.status).toBe(200);
      expect((next.json() as { pair: { pairId: string } }).pair.pairId).toBe(pairId);
      const received = [
        ["POST /api/v1/compare/next", next.text],
        ["nextPairAction", await action(who, "app/(app)/compare/actions.ts", "nextPairAction", { exclude: [] })],
        [
          "GET /api/v1/pairs/:id/a",
          (await receive(who, "GET", "api/v1/pairs/[id]/[side]", `/api/v1/pairs/${pairId}/a`, { id: pairId, side: "a" })).text,
        ],
        [
          "GET /api/v1/pairs/:id/b",
          (await receive(who, "GET", "api/v1/pairs/[id]/[side]", `/api/v1/pairs/${pairId}/b`, { id: pairId, side: "b" })).text,
        ],
      ] as const;
      for (const [where, text] of received) expectNothingOf(text, [...hidden, ...also], `${where} for ${who.email}`);
      for (const [where, text] of received.slice(0, 2)) expect(text, `${where} for ${who.email}`).not.toMatch(ORIGIN_WORDS);
    };

    await seenBy(first, []);
    const vote = await receive(
      first,
      "POST",
      "api/v1/compare/labels",
      "/api/v1/compare/labels",
      {},
      { pairId, choice: "a", strength: "clearly" },
    );
    expect(vote.status).toBe(200);
    // After the vote the reveal names the provenance: the strings searched for above are real.
    expect(vote.text).toContain(SECRET.strategy);
    expect(vote.text).toContain(SECRET.weakModel);
    // The second annotator learns nothing of the first one's vote (nor who cast it).
    await seenBy(second, [first.id, first.email]);
  });

  it("review with overlap 2: the second annotator sees none of the first one's edits, comments, verdicts or identity", async () => {
    const [trajectoryId] = await makeReviewTrajectories(1);
    await getDb()
      .insert(workSlots)
      .values([0, 1].map((slot) => ({ kind: "review" as const, itemId: trajectoryId, slot, priority: 1_000_000 })));
    const [first, second] = [await annotator(), await annotator()];
    const next = await receive(first, "POST", "api/v1/review/next", "/api/v1/review/next", {}, {});
    const item = (next.json() as { item: { trajectoryId: string; variants: { id: string; lockVersion: number }[] } }).item;
    expect(item.trajectoryId).toBe(trajectoryId);
    const [v1, v2, v3] = item.variants;
    const submitted = await receive(
      first,
      "POST",
      "api/v1/review/items/[id]/decisions",
      `/api/v1/review/items/${trajectoryId}/decisions`,
      { id: trajectoryId },
      {
        submissionId: randomUUID(),
        reasoning: SECRET.reasoning,
        editBad: true,
        decisions: [
          { instructionId: v1.id, lockVersion: v1.lockVersion, decision: "edit", text: SECRET.edit },
          { instructionId: v2.id, lockVersion: v2.lockVersion, decision: "reject", reason: "other", comment: SECRET.comment },
          { instructionId: v3.id, lockVersion: v3.lockVersion, decision: "accept" },
        ],
      },
    );
    expect(submitted.status).toBe(200);
    // The first annotator's own view shows their decision: the strings are findable.
    expect(
      (await receive(first, "GET", "api/v1/review/items/[id]", `/api/v1/review/items/${trajectoryId}`, { id: trajectoryId })).text,
    ).toContain(SECRET.edit);

    const theirs = [SECRET.edit, SECRET.comment, SECRET.reasoning, first.id, first.email];
    const secondNext = await receive(second, "POST", "api/v1/review/next", "/api/v1/review/next", {}, {});
    const secondItem = await receive(second, "GET", "api/v1/review/items/[id]", `/api/v1/review/items/${trajectoryId}`, {
      id: trajectoryId,
    });
    for (const [where, r] of [
      ["POST /api/v1/review/next", secondNext],
      ["GET /api/v1/review/items/:id", secondItem],
    ] as const) {
      expect(r.status).toBe(200);
      expectNothingOf(r.text, theirs, where);
      const body = r.json() as { item?: unknown };
      const view = ("item" in body ? body.item : body) as {
        trajectoryId: string;
        status: string;
        myDecision: unknown;
        variants: { status: string }[];
      };
      expect(view.trajectoryId).toBe(trajectoryId);
      // Nothing settled, nothing decided by this annotator: no verdict shows through a status either.
      expect(view.myDecision, where).toBeNull();
      expect(view.status, where).toBe("in_review");
      expect(
        view.variants.map((v) => v.status),
        where,
      ).toEqual(["in_review", "in_review", "in_review"]);
    }
  });
});
