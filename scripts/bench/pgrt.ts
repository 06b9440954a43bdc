// PGRT benchmark (npm run bench:pgrt [-- --count 240 --rounds 2 --seeds 0,1,2 --scale 1 --device auto]):
// builds a preset-derived export (scripts/make-preset-corpus.ts), then for each seed runs the compact
// trainer's loop (training/compact/train.py --compare-perturbed-only) and compares, on held-out
// policy-generated pairs, the reward model trained with PGRT against one trained on perturbed pairs
// only for the same number of steps: the paper's Figure 5 question, measured at small scale.
// The loop is driven directly in Python over the export (the platform's round state machine is not
// involved). Prints a table, then one JSON object as the last line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "240" },
    rounds: { type: "string", default: "2" },
    seeds: { type: "string", default: "0,1,2" },
    scale: { type: "string", default: "1" },
    device: { type: "string", default: "auto" },
    res: { type: "string", default: "32" },
    python: { type: "string", default: process.env.COMPACT_PYTHON ?? "/usr/bin/python3" },
    out: { type: "string" },
  },
});

type Acc = { n: number; acc: number; ci95: [number, number]; baselines: { random: number; biggerChangeWins: number } };
type Eval = { round: number; device: string; reward: { perturbed: Acc; policy: Acc }; rewardPerturbedOnly: { perturbed: Acc; policy: Acc }; policy: { l1ToTarget: number } };

function sh(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status}`);
  return r.stdout;
}

const out = values.out ?? mkdtempSync(join(tmpdir(), "bench-pgrt-"));
const corpus = join(out, "corpus");
sh("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/make-preset-corpus.ts", "--out", corpus, "--count", values.count!, "--size", "96"]);
const seeds = values.seeds!.split(",").map(Number);
const runs: Array<{ seed: number; seconds: number; evals: Eval[] }> = [];
for (const seed of seeds) {
  const dir = join(out, `seed-${seed}`);
  const t0 = Date.now();
  sh(values.python!, [
    "training/compact/train.py", "--data", join(corpus, "policy_rl.jsonl"), "--out", dir, "--rounds", values.rounds!, "--seed", String(seed),
    "--device", values.device!, "--scale", values.scale!, "--res", values.res!, "--compare-perturbed-only",
  ]);
  const evals = readFileSync(join(dir, "metrics.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l)).filter((r) => r.type === "eval") as Eval[];
  runs.push({ seed, seconds: (Date.now() - t0) / 1000, evals });
}

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e4) / 1e4;
const last = runs.map((r) => r.evals[r.evals.length - 1]);
console.log("seed round  RM(PGRT) perturbed  RM(PGRT) policy  RM(perturbed-only) policy  bigger-change policy  policy L1");
for (const r of runs)
  for (const e of r.evals)
    console.log(
      `${String(r.seed).padStart(4)} ${String(e.round).padStart(5)}  ${e.reward.perturbed.acc.toFixed(3).padStart(18)}  ${e.reward.policy.acc.toFixed(3).padStart(15)}  ${e.rewardPerturbedOnly.policy.acc.toFixed(3).padStart(25)}  ${e.reward.policy.baselines.biggerChangeWins.toFixed(3).padStart(20)}  ${e.policy.l1ToTarget.toFixed(4).padStart(9)}`,
    );
const accPolicy = mean(last.map((e) => e.reward.policy.acc));
const accPolicyPerturbedOnlyRM = mean(last.map((e) => e.rewardPerturbedOnly.policy.acc));
console.log(
  JSON.stringify({
    rounds: Number(values.rounds),
    seeds,
    accPerturbed: mean(last.map((e) => e.reward.perturbed.acc)),
    accPolicy,
    accPolicyPerturbedOnlyRM,
    pgrtMinusPerturbedOnly: Math.round((accPolicy - accPolicyPerturbedOnlyRM) * 1e4) / 1e4,
    pgrtWinsSeeds: last.filter((e) => e.reward.policy.acc > e.rewardPerturbedOnly.policy.acc).length,
    accPerturbedPerturbedOnlyRM: mean(last.map((e) => e.rewardPerturbedOnly.perturbed.acc)),
    biggerChangeWinsPolicy: mean(last.map((e) => e.reward.policy.baselines.biggerChangeWins)),
    policyPairsPerSeed: last[0].reward.policy.n,
    perSeed: runs.map((r, i) => ({ seed: r.seed, seconds: r.seconds, accPolicy: last[i].reward.policy.acc, accPolicyPerturbedOnlyRM: last[i].rewardPerturbedOnly.policy.acc })),
    samples: Number(values.count),
    scale: Number(values.scale),
    device: last[0].device,
  }),
);
