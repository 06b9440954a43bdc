// Per-file setup for integration tests: point the app at the test database,
// an isolated queue prefix and a fresh blob folder, and close pools after.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { testDatabaseUrl } from "./test-env";

process.env.DATABASE_URL = testDatabaseUrl();
process.env.QUEUE_PREFIX = `riq-test-${process.pid}-${Date.now().toString(36)}`;
process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), "riq-blobs-"));

afterAll(async () => {
  const [{ closeQueues }, { closeDb }] = await Promise.all([import("@/lib/queue"), import("@/db/client")]);
  await closeQueues();
  await closeDb();
});
