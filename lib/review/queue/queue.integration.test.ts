import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { workSlots } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createContext, systemContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { claimNext, completeSlot, enqueueItems, releaseLease, renewLease, setOverlap, setPriority } from ".";

// Each test uses its own kind-scoped items; "compare" and "review" kinds share the table,
// so tests drain what they enqueue and assert on their own item ids only.
const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
const as = (actor: Actor): Ctx => createContext({ actor });
let annotators: Actor[];

beforeAll(async () => {
  await getDb().delete(workSlots);
  annotators = await Promise.all(Array.from({ length: 8 }, () => makeActor("annotator")));
});

async function drain(kind: "review" | "compare", actors: Actor[], own: Set<string>, decide = true) {
  // Every actor loops claim → complete concurrently until the queue is empty for them.
  const seen: { user: string; item: string }[] = [];
  await Promise.all(
    actors.map(async (actor) => {
      for (;;) {
        const lease = await claimNext({ ctx: as(actor), input: { kind } });
        if (!lease) return;
        expect(own.has(lease.itemId)).toBe(true);
        seen.push({ user: actor.id, item: lease.itemId });
        if (!decide) return;
        await getDb().transaction(async (tx) => {
          const done = await completeSlot({ ctx: { ...as(actor), db: tx }, input: { kind, itemId: lease.itemId } });
          expect(done.outcome).toBe("recorded");
        });
      }
    }),
  );
  return seen;
}

describe("work queue with leases", () => {
  it("overlap 1: eight concurrent claimers never get the same item, and every item is handed out once", async () => {
    const items = ids(120);
    await enqueueItems({ ctx: systemContext(), input: { kind: "review", itemIds: items, overlap: 1 } });
    const seen = await drain("review", annotators, new Set(items));
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((s) => s.item)).size).toBe(120);
    // Every slot decided, by the one user who held it.
    const [{ open }] = (await getDb().execute(
      sql`select count(*)::int as open from work_slots where kind = 'review' and done_at is null`,
    )) as unknown as { open: number }[];
    expect(open).toBe(0);
  });

  it("overlap 2: each item reaches exactly two different users, never the same user twice", async () => {
    const items = ids(60);
    await enqueueItems({ ctx: systemContext(), input: { kind: "compare", itemIds: items, overlap: 2 } });
    const seen = await drain("compare", annotators.slice(0, 5), new Set(items));
    expect(seen).toHaveLength(120);
    const byItem = new Map<string, string[]>();
    for (const s of seen) byItem.set(s.item, [...(byItem.get(s.item) ?? []), s.user]);
    for (const users of byItem.values()) {
      expect(users).toHaveLength(2);
      expect(new Set(users).size).toBe(2);
    }
  });

  it("concurrent holds without deciding: at most k users hold an item at once", async () => {
    const items = ids(3);
    await enqueueItems({ ctx: systemContext(), input: { kind: "compare", itemIds: items, overlap: 2 } });
    const held = await drain("compare", annotators, new Set(items), false);
    // 8 users, 3 items × 2 slots: six get one, two get nothing.
    expect(held).toHaveLength(6);
    const perItem = new Map<string, number>();
    for (const h of held) perItem.set(h.item, (perItem.get(h.item) ?? 0) + 1);
    expect([...perItem.values()]).toEqual([2, 2, 2]);
    for (const a of annotators) {
      const mine = held.find((h) => h.user === a.id);
      if (mine) await releaseLease({ ctx: as(a), input: { kind: "compare", itemId: mine.item } });
    }
    await drain("compare", annotators, new Set(items));
  });

  it("returns the lease a user already holds, honours exclude, priority and expiry", async () => {
    const [a, b] = annotators;
    const [low, high] = ids(2);
    await enqueueItems({ ctx: systemContext(), input: { kind: "review", itemIds: [low, high], overlap: 1 } });
    await setPriority({ ctx: systemContext(), input: { kind: "review", itemIds: [high], priority: 5 } });
    const first = await claimNext({ ctx: as(a), input: { kind: "review" } });
    expect(first).toMatchObject({ itemId: high, resumed: false });
    expect(await claimNext({ ctx: as(a), input: { kind: "review" } })).toMatchObject({ itemId: high, resumed: true });
    // Prefetch: exclude the one on screen and hold the next as well.
    expect(await claimNext({ ctx: as(a), input: { kind: "review", exclude: [high] } })).toMatchObject({ itemId: low });
    expect(await claimNext({ ctx: as(b), input: { kind: "review" } })).toBeNull();

    // An expired lease returns the item to the queue; its old holder cannot renew it once taken.
    await getDb()
      .update(workSlots)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(and(eq(workSlots.kind, "review"), eq(workSlots.itemId, high)));
    expect(await claimNext({ ctx: as(b), input: { kind: "review" } })).toMatchObject({ itemId: high, resumed: false });
    await expect(renewLease({ ctx: as(a), input: { kind: "review", itemId: high } })).rejects.toMatchObject({ code: "CONFLICT" });
    const renewed = await renewLease({ ctx: as(b), input: { kind: "review", itemId: high } });
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);

    // A's submission for the item it lost is not lost: it takes no slot ("extra").
    const late = await completeSlot({ ctx: as(a), input: { kind: "review", itemId: high } });
    expect(late.outcome).toBe("extra");
    expect((await completeSlot({ ctx: as(b), input: { kind: "review", itemId: high } })).outcome).toBe("recorded");
    expect((await completeSlot({ ctx: as(b), input: { kind: "review", itemId: high } })).outcome).toBe("duplicate");
    expect((await completeSlot({ ctx: as(a), input: { kind: "review", itemId: low } })).outcome).toBe("recorded");
  });

  it("raising overlap sends decided items to other users but never back to who decided them", async () => {
    const [a, b] = annotators;
    const [item] = ids(1);
    await enqueueItems({ ctx: systemContext(), input: { kind: "review", itemIds: [item], overlap: 1 } });
    const lease = await claimNext({ ctx: as(a), input: { kind: "review" } });
    expect(lease?.itemId).toBe(item);
    await completeSlot({ ctx: as(a), input: { kind: "review", itemId: item } });
    await setOverlap({ ctx: systemContext(), input: { kind: "review", overlap: 2 } });
    // Earlier tests' items got a second slot too: drain them and look for ours.
    const all = new Set(
      (await getDb().select({ id: workSlots.itemId }).from(workSlots).where(eq(workSlots.kind, "review"))).map((r) => r.id),
    );
    const seenByA = await drain("review", [a], all);
    expect(seenByA.map((s) => s.item)).not.toContain(item);
    const seenByB = await drain("review", [b], all);
    expect(seenByB.map((s) => s.item)).toContain(item);
    await setOverlap({ ctx: systemContext(), input: { kind: "review", overlap: 1 } });
  });

  it("only researchers (or the system) enqueue; anyone signed in claims; nobody anonymous", async () => {
    await expect(enqueueItems({ ctx: as(annotators[0]), input: { kind: "review", itemIds: ids(1) } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(claimNext({ ctx: createContext({ actor: null }), input: { kind: "review" } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(claimNext({ ctx: as(annotators[0]), input: { kind: "nope" as "review" } })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
