// Runs once before the integration project: recreates the test database
// from the migrations, so every run starts empty and migrations are always
// exercised. Refuses to touch a non-local database unless told to.
import { recreateDatabase } from "../scripts/db-setup";
import { testDatabaseUrl } from "./test-env";

export default async function setup() {
  const url = testDatabaseUrl();
  const target = new URL(url);
  if (!["127.0.0.1", "localhost", "::1"].includes(target.hostname) && process.env.ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(
      `Integration tests refuse to run against non-local database host ${target.hostname} (set ALLOW_REMOTE_TEST_DB=1 to override)`,
    );
  }
  const name = target.pathname.slice(1);
  if (!/test/.test(name)) throw new Error(`Refusing to recreate "${name}": the test database's name must contain "test"`);
  await recreateDatabase(url);
}
