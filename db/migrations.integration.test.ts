import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase, migrateDatabase } from "@/scripts/db-setup";

// A throwaway database per run, so "empty" really is empty.
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `/riq_migrate_${Date.now().toString(36)}`;
afterAll(() => dropDatabase(url.toString()));

describe("migrations", () => {
  it("apply to an empty database and create every table, and re-applying is a no-op", async () => {
    await ensureDatabase(url.toString());
    await migrateDatabase(url.toString());
    await migrateDatabase(url.toString());
    const sql = postgres(url.toString(), { max: 1 });
    const tables = (await sql`select table_name from information_schema.tables where table_schema = 'public'`).map((r) => r.table_name);
    const applied = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    await sql.end();
    for (const t of ["user", "session", "account", "verification", "api_tokens", "images", "trajectories", "audit_log"]) {
      expect(tables).toContain(t);
    }
    const files = (await import("node:fs")).readdirSync("db/migrations").filter((f) => f.endsWith(".sql"));
    expect(applied[0].n).toBe(files.length);
  });
});
