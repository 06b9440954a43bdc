// Creates the database named in DATABASE_URL if missing, then applies the
// drizzle-kit migrations in db/migrations. Safe to run any number of times.
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

export async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing odd database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as ok from pg_database where datname = ${name}`;
    if (!row) {
      await sql.unsafe(`create database "${name}"`);
      console.log(`[db] created database ${name}`);
    }
  } finally {
    await sql.end();
  }
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
