import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { images, instructions, trajectories } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createContext } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { corpusFilterSchema, filterConditions, filterParts, whereOf } from "./corpus-filter";
import { listTrajectories } from "./list-trajectories";
import { searchKeys } from "./search-page";

const SHA = "e".repeat(64);
const tag = `search-${randomUUID()}`;
const common = `cmn${randomUUID().slice(0, 8)}`;
const rare = `rr${randomUUID().slice(0, 8)}`;
let researcher: Actor;

// 40 trajectories, one per second, newest last: the common term in every third one, the rare
// term in two old ones, and once only in an instruction of another model (so "model + q" must
// hold for one instruction, not across two).
beforeAll(async () => {
  researcher = await makeActor("researcher");
  const db = getDb();
  await db.insert(images).values({ sha256: SHA, status: "ready", format: "jpeg", bytes: 1, width: 8, height: 8 }).onConflictDoNothing();
  const ids = Array.from({ length: 40 }, () => randomUUID());
  const t0 = Date.now() - 3_600_000;
  await db.insert(trajectories).values(
    ids.map((id, i) => ({
      id,
      sourceSha: SHA,
      params: {},
      origin: "synthetic" as const,
      status: i % 2 ? ("in_review" as const) : ("accepted" as const),
      source: tag,
      createdAt: new Date(t0 + i * 1000),
    })),
  );
  const text = (i: number, variant: string) =>
    `${variant}: ${i % 3 === 0 ? `brighten the ${common}` : "warm it up"}${i === 4 || i === 9 ? ` near the ${rare}` : ""}`;
  await db.insert(instructions).values(
    ids.flatMap((trajectoryId, i) =>
      (["short", "medium", "long"] as const).map((variant) => ({
        trajectoryId,
        version: 1,
        variant,
        text:
          i === 20 && variant === "long"
            ? `long: the ${rare} again`
            : i === 30 && variant === "medium"
              ? `Golden ${rare.toUpperCase()} 50%_Sale Ünïcödé`
              : text(i, variant),
        modelName: i === 20 && variant === "long" ? "other-model" : "heuristic",
        backend: "heuristic",
        promptVersion: "v1",
      })),
    ),
  );
});

/** The page as one plain query would return it (the reference the staged search must equal). */
async function reference(input: Record<string, string>, want: number) {
  const filter = corpusFilterSchema.parse(input);
  const rows = (await getDb().execute(
    sql`select t.id from trajectories t ${whereOf(filterConditions(filter))} order by t.created_at desc nulls last, t.id desc nulls last limit ${want}`,
  )) as unknown as { id: string }[];
  return rows.map((r) => r.id);
}

describe("text search in the corpus browser", () => {
  const cases: Record<string, string>[] = [
    { source: tag, q: common },
    { source: tag, q: rare },
    { source: tag, q: common, status: "accepted" },
    { source: tag, q: rare, model: "heuristic" },
    { source: tag, q: rare, model: "other-model" },
    { source: tag, q: "no such words anywhere" },
    // Case, LIKE wildcards taken literally, non-ASCII: the row-by-row form must agree with ILIKE.
    { source: tag, q: `golden ${rare}` },
    { source: tag, q: "50%_sale" },
    { source: tag, q: "0%a" },
    { source: tag, q: "ÜNÏCÖDÉ" },
  ];

  it.each(cases)("walks, walks on and falls back to the trigram index with the same result: %o", async (input) => {
    const ctx = createContext({ actor: researcher });
    const { base, search } = filterParts(corpusFilterSchema.parse(input));
    for (const firstWalkRows of [1, 2, 5, 1500]) {
      for (const want of [1, 3, 20]) {
        const keys = await searchKeys({ ctx, base, search: search!, want, firstWalkRows });
        expect(keys.map((k) => k.id)).toEqual(await reference(input, want));
      }
    }
  });

  it("pages through search results with the cursor exactly as the plain query orders them", async () => {
    const ctx = createContext({ actor: researcher });
    const input = { source: tag, q: common };
    const all = await reference(input, 100);
    expect(all).toHaveLength(14); // i = 0, 3, …, 39
    const first = await listTrajectories({ ctx, input: { ...input, limit: 5 } });
    const second = await listTrajectories({ ctx, input: { ...input, limit: 5, cursor: first.nextCursor! } });
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual(all.slice(0, 10));
    expect(first.items[0].shortInstruction).toContain(common);
  });
});
