import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { groupCommit } from "./group-commit";

const fakeDb = () => ({}) as Db;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A promise the test awaits and the fake write resolves: "the first write is in flight now". */
const signal = () => {
  let fire!: () => void;
  const fired = new Promise<void>((r) => (fire = r));
  return { fire, fired };
};
const blockFor = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

describe("groupCommit", () => {
  it("callers of one turn share a write, callers that arrive while it is in flight share the next, and each gets its own result", async () => {
    const batches: number[][] = [];
    const inFlight = signal();
    const write = groupCommit(
      async (_db, batch: number[]) => {
        batches.push(batch);
        inFlight.fire();
        await tick(10);
        return batch.map((n) => n * 10);
      },
      { maxInFlight: 1 },
    );
    const db = fakeDb();
    const first = Promise.all([write(db, 0), write(db, 1)]);
    await inFlight.fired;
    const rest = Promise.all(Array.from({ length: 8 }, (_, i) => write(db, i + 2)));
    expect([...(await first), ...(await rest)]).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(batches).toEqual([
      [0, 1],
      [2, 3, 4, 5, 6, 7, 8, 9],
    ]);
  });

  it("callers in separate callbacks of one event-loop iteration (a wave of responses) share a write", async () => {
    const batches: number[][] = [];
    const write = groupCommit(async (_db, batch: number[]) => (batches.push(batch), batch), { maxInFlight: 1 });
    const db = fakeDb();
    // Timers due together run in one timers phase, each its own callback with microtasks drained
    // in between: a flush queued as a microtask would go out with the first caller alone.
    const results = Promise.all(
      [1, 2, 3].map((n) => new Promise<number>((resolve) => setTimeout(() => void write(db, n).then(resolve), 0))),
    );
    // Each setTimeout reads the clock afresh, so on a busy machine the three can straddle a
    // millisecond and fall due in different iterations. Holding the thread until all three are
    // due makes them one wave, which is what this test is about.
    blockFor(5);
    expect(await results).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("a failed write rejects only the callers in its batch", async () => {
    let calls = 0;
    const inFlight = signal();
    const write = groupCommit(
      async (_db, batch: string[]) => {
        calls++;
        inFlight.fire();
        await tick(5);
        if (calls === 1) throw new Error("database down");
        return batch;
      },
      { maxInFlight: 1 },
    );
    const db = fakeDb();
    const a = write(db, "a");
    await inFlight.fired;
    const [first, second] = await Promise.allSettled([a, write(db, "b")]);
    expect(first).toMatchObject({ status: "rejected", reason: expect.objectContaining({ message: "database down" }) });
    expect(second).toEqual({ status: "fulfilled", value: "b" });
  });
});
