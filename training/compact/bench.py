"""`python3 training/compact/bench.py --data <export>/policy_rl.jsonl [--seeds 0,1,2] [--rounds 2]`

The PGRT bench over an export (npm run bench:pgrt builds one and calls this): per seed, the compact
loop with a reward model trained with PGRT and one trained on perturbed pairs only for the same
steps, both measured on the same held-out policy-generated pairs. Needs no node_modules when plans
come from `COMPACT_PLAN_CMD="node training/compact/vendor/render-plan.mjs"` (npm run build:plan-bundle).
Prints a table, then one JSON object as the last line.
"""
import argparse
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import PolicyData  # noqa: E402
from loop import DEFAULTS, CompactTrainer, Metrics  # noqa: E402
from plan import PlanClient  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out")
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--res", type=int, default=32)
    ap.add_argument("--grid-size", type=int, default=17)
    ap.add_argument("--device", default="auto")
    args = ap.parse_args(argv)
    out = args.out or tempfile.mkdtemp(prefix="bench-pgrt-")
    cfg = {k: max(1, int(round(DEFAULTS[k] * args.scale))) for k in ("rm_sft_steps", "rm_pgrt_steps", "policy_sft_steps", "grpo_steps")}
    data = PolicyData(args.data, res=args.res)
    seeds = [int(s) for s in args.seeds.split(",")]
    runs = []
    client = PlanClient(grid_size=args.grid_size)
    try:
        for seed in seeds:
            t0 = time.time()
            d = os.path.join(out, "seed-%d" % seed)
            trainer = CompactTrainer(data, client, d, seed=seed, device=args.device, metrics=Metrics(d), **cfg)
            runs.append((seed, round(time.time() - t0, 1), trainer.run(rounds=args.rounds, compare_perturbed_only=True)))
            runs[-1] = (seed, round(time.time() - t0, 1), runs[-1][2])
    finally:
        client.close()
    print("seed round  RM(PGRT) perturbed  RM(PGRT) policy  RM(perturbed-only) policy  bigger-change policy  policy L1")
    for seed, _, evals in runs:
        for e in evals:
            print("%4d %5d  %18.3f  %15.3f  %25.3f  %20.3f  %9.4f" % (
                seed, e["round"], e["reward"]["perturbed"]["acc"], e["reward"]["policy"]["acc"], e["rewardPerturbedOnly"]["policy"]["acc"],
                e["reward"]["policy"]["baselines"]["biggerChangeWins"], e["policy"]["l1ToTarget"]))
    last = [evals[-1] for _, _, evals in runs]
    mean = lambda xs: round(sum(xs) / len(xs), 4)  # noqa: E731
    acc_policy = mean([e["reward"]["policy"]["acc"] for e in last])
    acc_po = mean([e["rewardPerturbedOnly"]["policy"]["acc"] for e in last])
    print(json.dumps({
        "rounds": args.rounds, "seeds": seeds,
        "accPerturbed": mean([e["reward"]["perturbed"]["acc"] for e in last]),
        "accPolicy": acc_policy,
        "accPolicyPerturbedOnlyRM": acc_po,
        "pgrtMinusPerturbedOnly": round(acc_policy - acc_po, 4),
        "pgrtWinsSeeds": sum(e["reward"]["policy"]["acc"] > e["rewardPerturbedOnly"]["policy"]["acc"] for e in last),
        "accPerturbedPerturbedOnlyRM": mean([e["rewardPerturbedOnly"]["perturbed"]["acc"] for e in last]),
        "biggerChangeWinsPolicy": mean([e["reward"]["policy"]["baselines"]["biggerChangeWins"] for e in last]),
        "policyL1ToTarget": {"round0": mean([evals[0]["policy"]["l1ToTarget"] for _, _, evals in runs]), "last": mean([e["policy"]["l1ToTarget"] for e in last])},
        "policyPairsPerSeed": last[0]["reward"]["policy"]["n"],
        "perSeed": [{"seed": s, "seconds": sec, "accPolicy": ev[-1]["reward"]["policy"]["acc"], "accPolicyPerturbedOnlyRM": ev[-1]["rewardPerturbedOnly"]["policy"]["acc"]}
                    for s, sec, ev in runs],
        "samples": len(data.ids), "scale": args.scale, "res": args.res, "device": last[0]["device"], "out": out,
    }))


if __name__ == "__main__":
    main()
