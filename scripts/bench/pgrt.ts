// PGRT benchmark (npm run bench:pgrt [-- --count 240 --rounds 2 --seeds 0,1,2 --scale 1 --res 32 --device auto]):
// builds a preset-derived export (scripts/make-preset-corpus.ts), then runs training/compact/bench.py:
// per seed, the compact loop with a PGRT reward model and one trained on perturbed pairs only for the
// same steps, compared on held-out policy-generated pairs (the paper's Figure 5 question, small scale).
// The loop is driven directly in Python over the export, not by the platform's round state machine.
// Prints a table, then one JSON object as the last line.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
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

function sh(cmd: string, args: string[], stdout: "inherit" | "ignore"): void {
  const r = spawnSync(cmd, args, { stdio: ["ignore", stdout, "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status}`);
}

const out = values.out ?? mkdtempSync(join(tmpdir(), "bench-pgrt-"));
const corpus = join(out, "corpus");
sh(
  "node_modules/.bin/tsx",
  ["--conditions=react-server", "scripts/make-preset-corpus.ts", "--out", corpus, "--count", values.count!, "--size", "96"],
  "ignore",
);
sh(
  values.python!,
  [
    "training/compact/bench.py",
    "--data",
    join(corpus, "policy_rl.jsonl"),
    "--out",
    out,
    "--seeds",
    values.seeds!,
    "--rounds",
    values.rounds!,
    "--scale",
    values.scale!,
    "--res",
    values.res!,
    "--device",
    values.device!,
  ],
  "inherit",
);
