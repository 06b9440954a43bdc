// Creates the database named in DATABASE_URL if missing, then applies the
// drizzle-kit migrations in db/migrations. Safe to run any number of times.
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

/** Runs `fn` with a connection to the server's `postgres` database and the target database's name. */
async function withServer<T>(url: string, fn: (sql: postgres.Sql, name: string) => Promise<T>): Promise<T> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing odd database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql, name);
  } finally {
    await sql.end();
  }
}

/** Creates the database named in `url` unless it exists. */
export async function ensureDatabase(url: string) {
  await withServer(url, async (sql, name) => {
    const [row] = await sql`select 1 as ok from pg_database where datname = ${name}`;
    if (!row) {
      await sql.unsafe(`create database "${name}"`);
      console.log(`[db] created database ${name}`);
    }
  });
}

/** Drops the database named in `url`, disconnecting its clients. */
export async function dropDatabase(url: string) {
  await withServer(url, (sql, name) => sql.unsafe(`drop database if exists "${name}" with (force)`));
}

/** Drops and recreates the database named in `url`, then applies the migrations: an empty, current schema. */
export async function recreateDatabase(url: string) {
  await dropDatabase(url);
  await withServer(url, (sql, name) => sql.unsafe(`create database "${name}"`));
  await migrateDatabase(url);
}

export async function migrateDatabase(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder: new URL("../db/migrations", import.meta.url).pathname });
  } finally {
    await sql.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/retouchiq";
  await ensureDatabase(url);
  await migrateDatabase(url);
  console.log(`[db] ${new URL(url).pathname.slice(1)} is migrated`);
}
