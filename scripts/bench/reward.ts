// Reward-service benchmark (npm run bench:reward [-- --prompts 512 --n 5]).
// One EasyR1 step: `prompts` samples × `n` rollouts (2,560 by default), each
// parsed, rendered on its sample's source at the reward size and scored by the
// heuristic reward model through the real verb (memo lookup and write in
// Postgres included). 5% of rollouts are malformed, as a policy's are early
// in training. Sources are 1024-px photos, decoded once per sample. Runs
// against its own database (<DATABASE_URL db>_bench_reward, recreated).
// Last line: one JSON object { items, seconds, itemsPerS, p95ItemMs }.
import { closeDb } from "@/db/client";
import { createContext } from "@/lib/context";
import { scorePolicyBatch } from "@/lib/training/reward";
import { makeActor } from "@/test/actors";
import { seedSamples } from "@/test/training/training-fixtures";
import { recreateDatabase } from "../db-setup";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PROMPTS = arg("prompts", 512);
const N = arg("n", 5);

async function main() {
  const url = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/retouchiq");
  url.pathname = `${url.pathname}_bench_reward`;
  await recreateDatabase(url.toString());
  process.env.DATABASE_URL = url.toString();
  process.env.STORAGE_DIR = `${process.env.STORAGE_DIR ?? "./data/blobs"}-bench-reward`;
  process.env.REWARD_DEADLINE_MS = "600000";

  console.log(`seeding ${PROMPTS} samples…`);
  const { samples } = await seedSamples(PROMPTS, { edge: 1024 });
  const researcher = await makeActor("researcher");
  const ctx = createContext({ actor: { ...researcher, via: "token", scopes: ["reward"] } });
  const items = samples.flatMap((s, i) =>
    Array.from({ length: N }, (_, k) => {
      const j = i * N + k;
      if (j % 20 === 7) return { sample_id: s.instructionId, response: "I think it should be brighter." };
      const exposure = ((j % 11) - 5) * 0.15;
      return {
        sample_id: s.instructionId,
        response: `<think>rollout ${k}</think>\n<answer>{"Exposure2012": ${exposure.toFixed(2)}, "Contrast2012": ${(j % 7) * 5}, "Shadows2012": ${(j % 5) * 8}, "Vibrance": ${(j % 3) * 10}}</answer>`,
      };
    }),
  );

  console.log(`scoring ${items.length} rollouts…`);
  const t0 = performance.now();
  const { results } = await scorePolicyBatch({ ctx, input: { items } });
  const seconds = (performance.now() - t0) / 1000;
  const lat = results.map((r) => r.latency_ms).sort((a, b) => a - b);
  const p95 = lat[Math.min(lat.length - 1, Math.floor(0.95 * lat.length))];
  const flagged = results.filter((r) => !r.parse_ok).length;
  console.log(`${results.length} results, ${flagged} flagged malformed, concurrency ${process.env.REWARD_CONCURRENCY ?? 8}`);
  await closeDb();
  console.log(
    JSON.stringify({
      items: results.length,
      seconds: Number(seconds.toFixed(2)),
      itemsPerS: Number((results.length / seconds).toFixed(1)),
      p95ItemMs: p95,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
