import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { databaseUrl } from "@/lib/config/env";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle; verbs accept either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

let cached: { db: Db; sql: postgres.Sql } | null = null;
let commitPool: postgres.Sql | null = null;
let asyncCommitPool: postgres.Sql | null = null;

/**
 * `sql` (and the transaction / savepoint handles it gives out) with every
 * parameterised query sent as a named prepared statement. drizzle asks
 * postgres.js for unnamed statements, which costs two round trips per query
 * (Parse + Describe, wait, then Bind + Execute) and a fresh plan each time;
 * a prepared one is one round trip with a cached plan after its first use on
 * a connection. Statements are cached per connection by their text, which is
 * a bounded set (the app's queries).
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe")
        return (query: string, args?: unknown[], options?: object) => target.unsafe(query, args as never, { ...options, prepare: true });
      if (prop === "begin" || prop === "savepoint") {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.Sql) => unknown;
          const method = Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown;
          return method.call(target, ...args, (tx: postgres.Sql) => fn(preparing(tx)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** Creates a drizzle client for `url` (one pool per call; prefer `getDb`). */
export function createDb(url: string, { max = 10 }: { max?: number } = {}) {
  const sql = postgres(url, { max, onnotice: () => {} });
  return { db: drizzle({ client: preparing(sql), schema }), sql };
}

/** The process-wide database client for `DATABASE_URL`. */
export function getDb(): Db {
  cached ??= createDb(databaseUrl());
  return cached.db;
}

/**
 * A small pool of its own (2 connections) for group-committed writes such as
 * the model call log: their flushes are on callers' critical paths, so they
 * never queue behind the main pool's queries. Same database as getDb().
 * `durable: false`: a pool whose commits do not wait for the WAL to reach the
 * disk (synchronous_commit off): committed and visible at once, lost only if
 * PostgreSQL itself crashes within a fraction of a second, and on disk once any
 * later synchronous commit returns (the WAL is written in order).
 */
export function getCommitSql({ durable = true }: { durable?: boolean } = {}): postgres.Sql {
  if (!durable) {
    asyncCommitPool ??= postgres(databaseUrl(), {
      max: 2,
      idle_timeout: 60,
      onnotice: () => {},
      connection: { synchronous_commit: "off" },
    });
    return asyncCommitPool;
  }
  commitPool ??= postgres(databaseUrl(), { max: 2, idle_timeout: 60, onnotice: () => {} });
  return commitPool;
}

/** Closes the process-wide pools (graceful shutdown, tests). */
export async function closeDb() {
  const pools = [commitPool, asyncCommitPool];
  commitPool = asyncCommitPool = null;
  await Promise.all(pools.map((p) => p?.end({ timeout: 5 })));
  if (!cached) return;
  const { sql } = cached;
  cached = null;
  await sql.end({ timeout: 5 });
}
