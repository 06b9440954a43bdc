import { sql as raw } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, expect, it } from "vitest";
import { startPrivatePostgres } from "@/scripts/harness/services";

// postgres.js 3.4.9 wrote a transaction's ROLLBACK to the socket it had just
// closed when the server went away mid-transaction: an uncaught TypeError that
// took the worker or the web app down, and a connection left holding that
// query, so the pool never answered again. patches/postgres+3.4.9.patch fails
// those queries instead. A private cluster, since this stops its server hard.
const pg = await startPrivatePostgres();
afterAll(() => pg.stop());

it("a PostgreSQL crash under open transactions rejects them, throws nothing uncaught, and the pool answers after the restart", async () => {
  const client = postgres(pg.url.replace(/\/[^/]+$/, "/postgres"), { max: 4, onnotice: () => undefined });
  const db = drizzle(client);
  const uncaught: Error[] = [];
  const onUncaught = (e: Error) => uncaught.push(e);
  process.prependListener("uncaughtException", onUncaught);
  try {
    await db.execute(raw`select 1`);
    const transactions = Array.from({ length: 4 }, () =>
      db
        .transaction(async (tx) => {
          await tx.execute(raw`select pg_sleep(0.1)`);
          await tx.execute(raw`select pg_sleep(10)`);
        })
        .then(
          () => "committed",
          (e: { code?: string }) => e.code,
        ),
    );
    await new Promise((r) => setTimeout(r, 500)); // all four inside their long statement
    await pg.restart(500);
    expect(await Promise.all(transactions)).toEqual(Array(4).fill("CONNECTION_CLOSED"));
    await new Promise((r) => setTimeout(r, 100)); // the write that crashed ran on a later tick
    expect(uncaught.map((e) => e.message)).toEqual([]);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => db.execute(raw`select ${i}::int as n`)));
    expect(answers.map((rows) => rows[0].n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  } finally {
    process.removeListener("uncaughtException", onUncaught);
    await client.end({ timeout: 1 });
  }
}, 30_000);
