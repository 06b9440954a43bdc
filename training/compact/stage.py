"""One round's reward-model run or policy run, as the platform's `local` backend starts them
(`train.py --kind reward|policy --data <export dir> --out <checkpoint dir> ...`).

- reward: the round's `easyr1-pgrt` export (rows [original, A, B] + images; `weak_source` says whether
  the weak side is a perturbation or a policy rollout `policy@N` of an earlier round). Starts from
  `--init` (the previous round's reward model) or from scratch; trains the pairwise scorer on
  perturbed pairs alone (SFT) or, once there are policy pairs, on them with perturbed-pair replay (PGRT).
- policy: the round's `llamafactory-policy-sft` export (source + instruction -> the user's edit).
  From scratch: SFT on those edits; from `--init` (the previous round's policy): no SFT. Then GRPO with
  this round's reward model (`--reward`) scoring the edits rendered with the engine's plan in torch,
  KL to where the run started.
Each writes `<out>/<kind>.pt` and `<out>/checkpoint_tracker.json` (`last_actor_path`), and reports
`step N name value` lines (what the local backend reads) and run events (`--events-url`).
"""
import glob
import json
import os

import torch

from data import GoldPairs, PolicyData, merge_policy_files
from loop import DEFAULTS, CompactTrainer, pairwise_step, pick_device, wilson
from models import RewardModel, load_checkpoint, save_checkpoint
from plan import PlanClient


def _compact_checkpoint(path, what):
    """`path` when it is a compact checkpoint file; a parent trained by another trainer is no start point."""
    if path and (not path.endswith(".pt") or not os.path.isfile(path)):
        print("%s %s is not a compact checkpoint: starting from scratch" % (what, path), flush=True)
        return ""
    return path


def _data_files(data_dir, patterns):
    files = sorted({f for p in patterns for f in glob.glob(os.path.join(data_dir, p))})
    if not files:
        raise SystemExit("no %s in %s: is it the right export?" % (" or ".join(patterns), data_dir))
    return files


def _finish(out, kind, model, cfg, metrics, summary):
    path = save_checkpoint(model, kind, os.path.join(out, "%s.pt" % kind), cfg)
    with open(os.path.join(out, "checkpoint_tracker.json"), "w") as f:
        json.dump({"kind": kind, "format": "compact", "last_actor_path": path}, f)
    metrics.log(dict(summary, type="summary", kind=kind, checkpoint=path))
    metrics.post([{"type": "checkpoint", "step": int(cfg["round"]), "uri": "file://" + os.path.abspath(path)}])
    print("checkpoint %s" % path, flush=True)
    return path


@torch.no_grad()
def _pair_accuracy(rm, sets, idx):
    if len(idx) == 0:
        return None
    src, a, b, feats, a_strong = (x[idx] for x in sets)
    diff = rm.score(src, a, feats) - rm.score(src, b, feats)
    correct = ((diff > 0) == (a_strong > 0.5)).float().sum().item()
    return {"n": len(idx), "acc": round(correct / len(idx), 4), "ci95": wilson(correct, len(idx))}


def train_reward(args, cfg, metrics):
    device = pick_device(args.device)
    torch.manual_seed(args.seed + args.round)
    gen = torch.Generator().manual_seed(args.seed + args.round)
    args.init = _compact_checkpoint(args.init, "--init")
    rm, res = RewardModel(), args.res
    if args.init:
        rm, init_cfg = load_checkpoint(args.init, "reward")
        res = int(init_cfg["res"])
    rm = rm.to(device)
    pairs = [GoldPairs(f, res=res) for f in _data_files(args.data, ["*.parquet", "*.jsonl"])]
    pairs = [p for p in pairs if p.n]
    if not pairs:
        raise SystemExit("the export has no reward-model pairs")
    sets = [torch.cat([getattr(p, k) for p in pairs]).to(device) for k in ("src", "a", "b")]
    sets = [x.float() / 255 for x in sets]
    sets += [torch.cat([p.feats for p in pairs]).to(device), torch.cat([p.a_strong for p in pairs]).to(device)]
    origins = [o for p in pairs for o in p.weak_sources]
    policy_idx = torch.tensor([i for i, o in enumerate(origins) if o.startswith("policy")], dtype=torch.long)
    other_idx = torch.tensor([i for i, o in enumerate(origins) if not o.startswith("policy")], dtype=torch.long)
    phase = "rm_pgrt" if len(policy_idx) else "rm_sft"
    cfg = dict(DEFAULTS, **cfg)
    steps = cfg["rm_pgrt_steps" if args.init else "rm_sft_steps"]
    pools = [(p, w) for p, w in ((policy_idx, 1 - cfg["replay"]), (other_idx, cfg["replay"])) if len(p)]
    opt = torch.optim.Adam(rm.parameters(), lr=cfg["rm_lr"])
    rm.train()
    total = 0.0
    for step in range(steps):
        pick = torch.multinomial(torch.tensor([w for _, w in pools]), 1, generator=gen).item()
        pool = pools[pick][0]
        b = pool[torch.randint(0, len(pool), (min(cfg["batch"], len(pool)),), generator=gen)].to(device)
        src, a, bb, feats, a_strong = (x[b] for x in sets)
        strong = torch.where(a_strong[:, None, None, None] > 0.5, a, bb)
        weak = torch.where(a_strong[:, None, None, None] > 0.5, bb, a)
        total += pairwise_step(rm, opt, src, strong, weak, feats, gen)
        if (step + 1) % 10 == 0 or step + 1 == steps:
            metrics.log({"type": "train", "round": args.round, "phase": phase, "step": step + 1, "loss": round(total / ((step % 10) + 1), 4)})
            total = 0.0
    rm.eval()
    # Fit on the run's own pairs; held-out accuracy is the platform's to measure (label step).
    metrics.log({"type": "eval", "round": args.round, "device": device.type,
                 "train": {"perturbed": _pair_accuracy(rm, sets, other_idx), "policy": _pair_accuracy(rm, sets, policy_idx)}})
    meta = {"res": res, "seed": args.seed, "round": args.round}
    return _finish(args.out, "reward", rm, meta, metrics, {"pairs": len(origins), "policyPairs": len(policy_idx), "steps": steps, "phase": phase})


def train_policy(args, cfg, metrics):
    files = _data_files(args.data, ["policy_sft_*.jsonl", "*.jsonl"])
    files = [f for f in files if os.path.basename(f).startswith("policy_sft_")] or files
    os.makedirs(args.out, exist_ok=True)
    args.init = _compact_checkpoint(args.init, "--init")
    args.reward = _compact_checkpoint(args.reward, "--reward")
    res = args.res
    init = load_checkpoint(args.init, "policy") if args.init else None
    if init:
        res = int(init[1]["res"])
    data = PolicyData(merge_policy_files(files, os.path.join(args.out, "policy_rows.jsonl")), res=res)
    client = PlanClient(url=args.platform_url, token=args.token, grid_size=args.grid_size)
    try:
        trainer = CompactTrainer(data, client, args.out, seed=args.seed + args.round, device=args.device, metrics=metrics, **cfg)
        if init:
            trainer.policy.load_state_dict(init[0].state_dict())
            trainer.freeze_reference()
        else:
            trainer.train_policy_sft(trainer.cfg["policy_sft_steps"])
        grpo_steps = 0
        if args.reward:
            trainer.rm = load_checkpoint(args.reward, "reward", trainer.device)[0]
            grpo_steps = trainer.cfg["grpo_steps"]
            trainer.train_policy_grpo(grpo_steps, args.round)
        metrics.log({"type": "eval", "round": args.round, "device": trainer.device.type, "policy": trainer.policy_quality(trainer.val_idx)})
    finally:
        client.close()
    meta = {"res": res, "seed": args.seed, "round": args.round}
    return _finish(args.out, "policy", trainer.policy, meta, metrics,
                   {"samples": len(data.ids), "sft": not init, "grpoSteps": grpo_steps})
