// Runs once before the integration project: makes sure the test database
// exists and is migrated. Refuses to touch a non-local database unless told.
import postgres from "postgres";
import { ensureDatabase, migrateDatabase } from "../scripts/db-setup";
import { testDatabaseUrl } from "./test-env";

export default async function setup() {
  const url = testDatabaseUrl();
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host) && process.env.ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`Integration tests refuse to run against non-local database host ${host} (set ALLOW_REMOTE_TEST_DB=1 to override)`);
  }
  await ensureDatabase(url);
  await migrateDatabase(url);
  // Each run starts from empty tables, so no test sees another run's rows.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const tables = await sql`select tablename from pg_tables where schemaname = 'public'`;
  if (tables.length) await sql.unsafe(`truncate ${tables.map((t) => `"${t.tablename}"`).join(", ")} cascade`);
  await sql.end();
}
