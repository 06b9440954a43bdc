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
import { closeQueues } from "@/lib/queue";
import { sampleLightroomExport } from "./sample-lightroom-export";

const CREDENTIALS_FILE = join(process.env.DATA_DIR ?? "data", "demo-credentials.json");
type Login = { email: string; password: string; role: Role };

function loadOrCreateLogins(): Login[] {
  if (existsSync(CREDENTIALS_FILE)) return JSON.parse(readFileSync(CREDENTIALS_FILE, "utf8"));
  const password = process.env.ADMIN_PASSWORD ?? randomBytes(9).toString("base64url");
  const logins: Login[] = [
    { email: process.env.ADMIN_EMAIL ?? "admin@retouchiq.local", password, role: "admin" },
    ...(["researcher", "reviewer", "annotator"] as const).map((role) => ({ email: `${role}@retouchiq.local`, password, role })),
  ];
  mkdirSync(join(CREDENTIALS_FILE, ".."), { recursive: true });
  writeFileSync(CREDENTIALS_FILE, JSON.stringify(logins, null, 2), { mode: 0o600 });
  return logins;
}

async function ensureUsers(logins: Login[]) {
  const ctx = systemContext();
  for (const login of logins) {
    try {
      await createUser({ ctx, input: { ...login, name: login.role[0].toUpperCase() + login.role.slice(1) } });
    } catch (e) {
      if (!(isAppError(e) && e.code === "CONFLICT")) throw e;
    }
  }
}

async function seedSamples(adminEmail: string) {
  const [admin] = await getDb().select().from(users).where(eq(users.email, adminEmail)).limit(1);
  const ctx = { ...systemContext(), actor: { id: admin.id, email: admin.email, name: admin.name, role: admin.role, via: "session" as const } };
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

const logins = loadOrCreateLogins();
await ensureUsers(logins);
await ensureDefaultModels({ ctx: systemContext() });
const samples = await seedSamples(logins[0].email);
console.log(`[seed] sample photos: ${samples.added} new, ${samples.total} in total`);
if (process.env.SEED_DEMO_CORPUS !== "0") {
  const corpus = await seedDemoCorpus();
  console.log(`[seed] demo corpus: ${corpus.imported} trajectories imported, ${corpus.duplicates} already there, ${corpus.failed} failed`);
}
console.log("[seed] logins (also in " + CREDENTIALS_FILE + "):");
for (const l of logins) console.log(`         ${l.role.padEnd(10)} ${l.email}  password: ${l.password}`);
await closeQueues();
await closeInferenceRedis();
await closeDb();
