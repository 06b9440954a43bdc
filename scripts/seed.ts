// Seeds a fresh install: the first admin (from ADMIN_EMAIL / ADMIN_PASSWORD,
// or generated and printed), one demo user per role, and the sample photos
// in public/samples. Idempotent: re-running prints the same logins.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { createUser } from "@/lib/auth";
import { createImport, runImport } from "@/lib/corpus";
import { systemContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { uploadImage } from "@/lib/images";
import { closeInferenceRedis, ensureDefaultModels } from "@/lib/inference";
import { seedDemoPairs } from "@/lib/preference";
import { closeQueues } from "@/lib/queue";
import { ensureSampleBenchmark } from "./sample-benchmark";
import { sampleLightroomExport } from "./sample-lightroom-export";

const CREDENTIALS_FILE = join(process.env.DATA_DIR ?? "data", "demo-credentials.json");
/** `password` is null for an account another install made on this database: its password is not ours to know. */
type Login = { email: string; password: string | null; role: Role };

/** The logins an earlier run saved here, or null on a first run. */
const loadSavedLogins = (): Login[] | null => (existsSync(CREDENTIALS_FILE) ? JSON.parse(readFileSync(CREDENTIALS_FILE, "utf8")) : null);

/** Creates one login; false when the email is already taken. */
async function createLogin({ email, password, role }: { email: string; password: string; role: Role }): Promise<boolean> {
  try {
    await createUser({ ctx: systemContext(), input: { email, password, role, name: role[0].toUpperCase() + role.slice(1) } });
    return true;
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") return false;
    throw e;
  }
}

/** Later runs: an account missing from the database (say, after a reset) is created again with its saved password. */
async function recreateMissingLogins(logins: Login[]) {
  for (const { email, password, role } of logins) if (password !== null) await createLogin({ email, password, role });
}

/**
 * First run: creates the admin and one user per role with a fresh (or
 * ADMIN_PASSWORD) password and saves the logins, marking accounts that
 * already existed on this database as password-unknown.
 */
async function createLogins(): Promise<Login[]> {
  const password = process.env.ADMIN_PASSWORD ?? randomBytes(9).toString("base64url");
  const wanted = [
    { email: process.env.ADMIN_EMAIL ?? "admin@retouchiq.local", role: "admin" as const },
    ...(["researcher", "reviewer", "annotator"] as const).map((role) => ({ email: `${role}@retouchiq.local`, role })),
    // A second annotator, so overlap (two people per item) can be tried at once.
    { email: "annotator2@retouchiq.local", role: "annotator" as const },
  ];
  const logins: Login[] = [];
  for (const { email, role } of wanted) {
    const created = await createLogin({ email, password, role });
    logins.push({ email, role, password: created ? password : null });
  }
  mkdirSync(join(CREDENTIALS_FILE, ".."), { recursive: true });
  writeFileSync(CREDENTIALS_FILE, JSON.stringify(logins, null, 2), { mode: 0o600 });
  return logins;
}

async function seedSamples(adminEmail: string) {
  const [admin] = await getDb().select().from(users).where(eq(users.email, adminEmail)).limit(1);
  const ctx = {
    ...systemContext(),
    actor: { id: admin.id, email: admin.email, name: admin.name, role: admin.role, via: "session" as const },
  };
  const dir = join("public", "samples");
  const files = readdirSync(dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f));
  let added = 0;
  for (const file of files) {
    const result = await uploadImage({ ctx, input: { bytes: new Uint8Array(readFileSync(join(dir, file))), filename: file } });
    if (!result.duplicate) added++;
  }
  return { total: files.length, added };
}

/**
 * A small demo corpus: the sample photos with hand-written Lightroom edits,
 * laid out like a Lightroom export and imported like one. The workers then
 * annotate them with the heuristic models, which fills the review queue.
 * Re-importing adds nothing (imports are idempotent).
 */
async function seedDemoCorpus() {
  const dir = sampleLightroomExport();
  const ctx = systemContext();
  const created = await createImport({ ctx, input: { path: dir, source: "demo-lightroom-export" } });
  return runImport({ ctx, input: { importId: created.id } });
}

const saved = loadSavedLogins();
if (saved) await recreateMissingLogins(saved);
const logins = saved ?? (await createLogins());
await ensureDefaultModels({ ctx: systemContext() });
const samples = await seedSamples(logins[0].email);
console.log(`[seed] sample photos: ${samples.added} new, ${samples.total} in total`);
const [admin] = await getDb().select().from(users).where(eq(users.email, logins[0].email)).limit(1);
const sampleBenchmark = await ensureSampleBenchmark({
  ...systemContext(),
  actor: { id: admin.id, email: admin.email, name: admin.name, role: admin.role, via: "session" },
});
console.log(`[seed] sample benchmark: ${sampleBenchmark.benchmark.itemCount} items${sampleBenchmark.created ? "" : " (already there)"}`);
if (process.env.SEED_DEMO_CORPUS !== "0") {
  const corpus = await seedDemoCorpus();
  console.log(`[seed] demo corpus: ${corpus.imported} trajectories imported, ${corpus.duplicates} already there, ${corpus.failed} failed`);
}
if (process.env.SEED_DEMO_PAIRS === "1") {
  const demo = await seedDemoPairs({ ctx: systemContext() });
  console.log(`[seed] demo preference pairs: ${demo.pairs}`);
}
console.log("[seed] logins (also in " + CREDENTIALS_FILE + "):");
for (const l of logins) {
  const password = l.password === null ? "(existing account; password unchanged)" : `password: ${l.password}`;
  console.log(`         ${l.role.padEnd(10)} ${l.email}  ${password}`);
}
await closeQueues();
await closeInferenceRedis();
await closeDb();
