import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "@/lib/context";
import { uploadImage } from "@/lib/images";
import { makeActor } from "@/test/actors";
import { uniquePhoto } from "@/test/images";
import { dropDatabase } from "../db-setup";

const source = process.env.DATABASE_URL!;
const restoredUrl = (suffix: string) => {
  const url = new URL(source);
  url.pathname = `${url.pathname}_restore_${suffix}`;
  return url.toString();
};
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync("bash", [join("scripts/backup", script), ...args], { env: { ...process.env, ...env }, encoding: "utf8" });

function tableCounts(url: string): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  return (async () => {
    const tables = await sql<
      { t: string }[]
    >`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
    const counts: Record<string, number> = {};
    for (const { t } of tables) counts[t] = Number((await sql.unsafe(`select count(*)::int as n from "${t}"`))[0].n);
    await sql.end();
    return counts;
  })();
}

function blobHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (statSync(full).isFile() && !e.name.includes(".tmp"))
        out[relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

describe("backup and restore", () => {
  const backupDir = mkdtempSync(join(tmpdir(), "riq-backup-"));
  const targets = [restoredUrl("ok"), restoredUrl("bad")];
  beforeAll(async () => {
    for (const t of targets) await dropDatabase(t);
    const ctx = createContext({ actor: await makeActor("researcher") });
    await uploadImage({ ctx, input: { bytes: await uniquePhoto("coffee.jpg"), filename: "backup-me.jpg" } });
  });
  afterAll(async () => {
    for (const t of targets) await dropDatabase(t);
  });

  it("restores into a fresh database with the same row count in every table and the same blob bytes", async () => {
    const backup = run("backup.sh", [backupDir]);
    expect(backup.status, backup.stderr).toBe(0);
    const before = await tableCounts(source);
    expect(before.images).toBeGreaterThan(0);
    const storage = mkdtempSync(join(tmpdir(), "riq-restored-blobs-"));
    const restore = run("restore.sh", [backupDir, targets[0], storage]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(await tableCounts(targets[0])).toEqual(before);
    const originals = blobHashes(process.env.STORAGE_DIR!);
    expect(Object.keys(originals).length).toBeGreaterThan(0);
    expect(blobHashes(storage)).toEqual(originals);
    // Restoring over an existing database is refused.
    expect(run("restore.sh", [backupDir, targets[0], storage]).status).toBe(2);
  });

  it("a backup whose blobs were damaged fails the restore check with a message", () => {
    const damaged = mkdtempSync(join(tmpdir(), "riq-backup-damaged-"));
    execFileSync("cp", ["-r", `${backupDir}/.`, damaged]);
    const first = readFileSync(join(damaged, "blobs.sha256"), "utf8").split("\n")[0].slice(66);
    const storage = mkdtempSync(join(tmpdir(), "riq-restored-bad-"));
    // Append a byte to the first blob inside the archive by re-extracting, editing and re-packing.
    const work = mkdtempSync(join(tmpdir(), "riq-backup-work-"));
    execFileSync("tar", ["-C", work, "-xf", join(damaged, "blobs.tar")]);
    appendFileSync(join(work, first), "x");
    execFileSync("tar", ["-C", work, "-cf", join(damaged, "blobs.tar"), "."]);
    const restore = run("restore.sh", [damaged, targets[1], storage]);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/blob hashes differ/);
  });
});
