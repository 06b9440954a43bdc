"""`python3 training/compact/train.py --data <export>/policy_rl.jsonl --out <dir> [--rounds 2]`

Trains the compact reward model and policy on a platform export (EasyR1 rows + images) and writes
`round_N/{reward,policy}.pt`, `checkpoint_tracker.json` and `metrics.jsonl` (also POSTed to
`--events-url` when given). Plans come from `--platform-url` (POST /api/v1/render/plan with
`--token`, or $RETOUCHIQ_TOKEN) or, without it, from the engine beside this checkout (tsx).

With `--kind reward|policy` it runs one stage of one platform round instead (the `local` backend's
command): `--data` is the round's export folder, `--init` the previous round's checkpoint of that kind,
`--reward` (policy) this round's reward model; see stage.py.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import GoldPairs, PolicyData, merge_policy_files  # noqa: E402
from loop import DEFAULTS, CompactTrainer, Metrics  # noqa: E402
from plan import PlanClient  # noqa: E402
from stage import train_policy, train_reward  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, nargs="+",
                    help="EasyR1 policy rows (.jsonl/.json, answer with params), or the platform's LLaMA-Factory policy SFT "
                         "files (policy_sft_train.jsonl policy_sft_val.jsonl); images relative to each file or --image-dir")
    ap.add_argument("--image-dir")
    ap.add_argument("--gold", help="EasyR1 GRM rows with human-gold labels (images [orig, A, B], answer.strong)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--device", default="auto")
    ap.add_argument("--res", type=int, default=32)
    ap.add_argument("--grid-size", type=int, default=17)
    ap.add_argument("--platform-url")
    ap.add_argument("--token", default=os.environ.get("RETOUCHIQ_TOKEN"))
    ap.add_argument("--events-url", help="run-events endpoint, e.g. <platform>/api/v1/runs/<id>/events")
    ap.add_argument("--compare-perturbed-only", action="store_true", help="also train an RM on perturbed pairs only (bench)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies every step count")
    ap.add_argument("--echo", action="store_true")
    ap.add_argument("--kind", choices=["reward", "policy"], help="one stage of a platform round (--data = the export folder)")
    ap.add_argument("--round", type=int, default=0, help="the platform round (--kind)")
    ap.add_argument("--init", default="", help="checkpoint to start from (--kind; empty = from scratch)")
    ap.add_argument("--reward", default="", help="this round's reward-model checkpoint, for the policy's GRPO (--kind policy)")
    for key, value in DEFAULTS.items():
        ap.add_argument("--" + key.replace("_", "-"), type=type(value), default=None)
    args = ap.parse_args(argv)
    cfg = {k: getattr(args, k) for k in DEFAULTS if getattr(args, k) is not None}
    for k in ("rm_sft_steps", "rm_pgrt_steps", "policy_sft_steps", "grpo_steps"):
        cfg[k] = max(1, int(round(cfg.get(k, DEFAULTS[k]) * args.scale)))
    t0 = time.time()
    if args.kind:
        args.data = args.data[0]
        metrics = Metrics(args.out, args.events_url, args.token, echo=args.echo, step_lines=True)
        (train_reward if args.kind == "reward" else train_policy)(args, cfg, metrics)
        print(json.dumps({"type": "summary", "kind": args.kind, "round": args.round, "seconds": round(time.time() - t0, 1), "eventPostErrors": metrics.post_errors}))
        return None
    data_path = args.data[0]
    if len(args.data) > 1:
        os.makedirs(args.out, exist_ok=True)
        data_path = merge_policy_files(args.data, os.path.join(args.out, "policy_rows.jsonl"))
    data = PolicyData(data_path, res=args.res, image_dir=args.image_dir)
    gold = GoldPairs(args.gold, res=args.res, image_dir=args.image_dir) if args.gold else None
    client = PlanClient(url=args.platform_url, token=args.token, grid_size=args.grid_size)
    metrics = Metrics(args.out, args.events_url, args.token, echo=args.echo)
    try:
        trainer = CompactTrainer(data, client, args.out, seed=args.seed, device=args.device, gold=gold, metrics=metrics, **cfg)
        history = trainer.run(rounds=args.rounds, compare_perturbed_only=args.compare_perturbed_only)
    finally:
        client.close()
    summary = {"type": "summary", "rounds": args.rounds, "seed": args.seed, "device": trainer.device.type, "samples": len(data.ids),
               "train": len(trainer.train_idx), "val": len(trainer.val_idx), "seconds": round(time.time() - t0, 1), "final": history[-1],
               "eventPostErrors": metrics.post_errors}
    metrics.log(summary)
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main()
