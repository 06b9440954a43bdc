"""The compact PGRT loop: reward-model SFT on perturbed pairs, policy SFT, then alternating rounds of
policy GRPO (reward = the reward model's score of the edit rendered with the engine's plan in torch)
and reward-model PGRT on policy-generated pairs. Every number a round reports is measured here."""
import copy
import json
import math
import os
import random
import urllib.request

import torch
import torch.nn.functional as F

from models import Policy, RewardModel, gaussian_kl, gaussian_log_prob, save_checkpoint
from plan import apply_plans
from sliders import KEYS, to_params, to_vector

DEFAULTS = dict(
    rm_sft_steps=300, rm_pgrt_steps=150, policy_sft_steps=300, grpo_steps=25, group=6, grpo_batch=12,
    kl_coef=0.1, rm_lr=2e-3, policy_lr=3e-3, grpo_lr=3e-4, perturb_per_sample=3, policy_pairs_per_sample=2,
    batch=64, replay=0.5,
)


def pick_device(name="auto"):
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def wilson(k, n, z=1.96):
    """95 % Wilson interval of a proportion k/n."""
    if n == 0:
        return [0.0, 1.0]
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return [round(c - h, 4), round(c + h, 4)]


class Metrics:
    """JSON lines in `<out>/metrics.jsonl`; each record also POSTed to the platform's run-events API
    (`POST /api/v1/training-runs/:id/events`, body `{"events": [...]}`) when `events_url` is given, and
    printed as `step N name value` lines when `step_lines` (what the `local` backend reads from the log)."""

    def __init__(self, out_dir, events_url=None, token=None, echo=False, step_lines=False):
        os.makedirs(out_dir, exist_ok=True)
        self.path = os.path.join(out_dir, "metrics.jsonl")
        self.events_url = events_url
        self.token = token
        self.echo = echo
        self.step_lines = step_lines
        self.post_errors = 0
        open(self.path, "w").close()

    def log(self, record):
        with open(self.path, "a") as f:
            f.write(json.dumps(record) + "\n")
        if self.echo:
            print(json.dumps(record), flush=True)
        events = to_events(record)
        if self.step_lines:
            for e in events:
                if e["type"] == "metric":
                    print("step %d %s %s" % (e["step"], e["name"], repr(float(e["value"]))), flush=True)
        self.post(events)

    def post(self, events):
        if not self.events_url or not events:
            return
        try:
            req = urllib.request.Request(self.events_url, data=json.dumps({"events": events}).encode(), method="POST",
                                         headers={"content-type": "application/json", "authorization": "Bearer %s" % (self.token or "")})
            urllib.request.urlopen(req, timeout=10).read()
        except Exception:  # the run goes on; the file is the record
            self.post_errors += 1


def _numeric_leaves(obj, prefix):
    if isinstance(obj, bool) or obj is None:
        return []
    if isinstance(obj, (int, float)):
        return [(prefix, float(obj))] if math.isfinite(obj) else []
    if isinstance(obj, dict):
        return [leaf for k, v in obj.items() for leaf in _numeric_leaves(v, "%s/%s" % (prefix, k) if prefix else k)]
    return []


def to_events(record):
    """A metrics record as run events: `train` → one metric per number (`phase/name` at its step),
    `eval` → one metric per number at step = round (`eval/reward/policy/acc`), anything else → a log line."""
    kind = record.get("type")
    if kind == "train":
        fields = {k: v for k, v in record.items() if k not in ("type", "round", "phase", "step")}
        return [{"type": "metric", "step": int(record.get("step", 0)), "name": name, "value": value}
                for name, value in _numeric_leaves(fields, record.get("phase", "train"))]
    if kind == "eval":
        fields = {k: v for k, v in record.items() if k not in ("type", "round", "device")}
        return [{"type": "metric", "step": int(record.get("round", 0)), "name": name, "value": value}
                for name, value in _numeric_leaves(fields, "eval")]
    return [{"type": "log", "text": json.dumps(record)[:20000]}]


def pairwise_step(rm, opt, src, strong, weak, feats, gen):
    """One Bradley–Terry step on a batch of (strong, weak) pairs, each shown in a random order."""
    swap = (torch.rand(len(src), generator=gen) < 0.5).to(src.device)
    a = torch.where(swap[:, None, None, None], weak, strong)
    b = torch.where(swap[:, None, None, None], strong, weak)
    loss = F.binary_cross_entropy_with_logits(rm.pair_logit(src, a, b, feats), (~swap).float())
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


class PairSet:
    """Pairs (source index, strong display, weak display) at the trainer's resolution."""

    def __init__(self, src_idx, strong, weak):
        self.src_idx, self.strong, self.weak = src_idx, strong, weak

    def __len__(self):
        return len(self.src_idx)

    @staticmethod
    def cat(sets):
        sets = [s for s in sets if s is not None and len(s)]
        return PairSet(torch.cat([s.src_idx for s in sets]), torch.cat([s.strong for s in sets]), torch.cat([s.weak for s in sets]))


class CompactTrainer:
    def __init__(self, data, plan_client, out_dir, seed=0, device="auto", gold=None, metrics=None, **cfg):
        self.cfg = dict(DEFAULTS, **cfg)
        self.seed = seed
        self.device = pick_device(device)
        random.seed(seed)
        torch.manual_seed(seed)
        self.rng = random.Random(seed)
        self.gen = torch.Generator().manual_seed(seed)
        self.data = data
        self.plans = plan_client
        self.out_dir = out_dir
        self.metrics = metrics or Metrics(out_dir)
        self.gold = gold if gold is not None and gold.n else None
        self.codes = data.codes.to(self.device)
        self.src = self.codes.float() / 255
        self.feats = data.feats.to(self.device)
        self.targets = data.targets.to(self.device)
        self.train_idx = data.indices("train")
        self.val_idx = data.indices("val")
        if not self.val_idx:  # an export of one split: hold out its last quarter
            k = max(1, len(self.train_idx) // 4)
            self.train_idx, self.val_idx = self.train_idx[:-k], self.train_idx[-k:]
        self.target_disp = self.render(list(range(len(data.ids))), data.params)
        self.rm = RewardModel().to(self.device)
        self.policy = Policy().to(self.device)
        self.policy_sft = None

    # ---- rendering -------------------------------------------------------------------------
    def render(self, idx, edits, chunk=256):
        out = []
        for i in range(0, len(idx), chunk):
            plans = self.plans.plans(edits[i:i + chunk])
            out.append(apply_plans(self.codes[idx[i:i + chunk]], plans))
        return torch.cat(out)

    # ---- pairs ------------------------------------------------------------------------------
    def perturb(self, params):
        """A weaker edit of the same instruction: the perturber's strategies, seeded."""
        p = dict(params)
        mode = self.rng.choice(["scale", "noise", "drop", "noise"])
        if mode == "scale":
            f = self.rng.choice([self.rng.uniform(-0.8, 0.3), self.rng.uniform(1.8, 2.8)])
            for key in KEYS:
                if isinstance(p.get(key), (int, float)):
                    p[key] = p[key] * f
        elif mode == "noise":
            vec = [v + self.rng.gauss(0, 0.8) for v in to_vector(p)]
            for key in KEYS:
                p.pop(key, None)
            p.update(to_params(vec))
        else:  # drop the look: curves, colour grading, HSL, B&W gone, sliders kept
            p = {k: v for k, v in p.items() if k in KEYS}
            if not p:
                p = to_params([self.rng.gauss(0, 0.8) for _ in KEYS])
        return p

    def perturbed_pairs(self, idx, k):
        src_idx, edits = [], []
        for i in idx:
            for _ in range(k):
                src_idx.append(i)
                edits.append(self.perturb(self.data.params[i]))
        weak = self.render(src_idx, edits)
        t = torch.tensor(src_idx, device=self.device)
        return PairSet(t, self.target_disp[t], weak)

    @torch.no_grad()
    def sample_edits(self, idx, k, mean=False):
        t = torch.tensor(idx, device=self.device)
        mu, ls = self.policy(self.src[t], self.feats[t])
        if mean:
            z = mu[:, None].expand(-1, k, -1)
        else:
            eps = torch.randn(mu.shape[0], k, mu.shape[1], generator=self.gen).to(self.device)
            z = mu[:, None] + ls.exp()[:, None] * eps
        return z, [to_params(v) for v in z.reshape(-1, z.shape[-1]).tolist()]

    def policy_pairs(self, idx, k):
        _, edits = self.sample_edits(idx, k)
        src_idx = [i for i in idx for _ in range(k)]
        weak = self.render(src_idx, edits)
        t = torch.tensor(src_idx, device=self.device)
        return PairSet(t, self.target_disp[t], weak)

    # ---- reward model -----------------------------------------------------------------------
    def train_rm(self, rm, pools, steps, tag, round_no):
        """Pairwise (Bradley–Terry) loss; `pools` = [(PairSet, weight)], batches drawn by weight."""
        opt = torch.optim.Adam(rm.parameters(), lr=self.cfg["rm_lr"])
        rm.train()
        weights = [w for _, w in pools]
        total = 0.0
        for step in range(steps):
            ps = pools[self.rng.choices(range(len(pools)), weights)[0]][0]
            b = torch.randint(0, len(ps), (min(self.cfg["batch"], len(ps)),), generator=self.gen).to(self.device)
            s = ps.src_idx[b]
            total += pairwise_step(rm, opt, self.src[s], ps.strong[b], ps.weak[b], self.feats[s], self.gen)
            if (step + 1) % 50 == 0 or step + 1 == steps:
                self.metrics.log({"type": "train", "round": round_no, "phase": tag, "step": step + 1, "loss": round(total / ((step % 50) + 1), 4)})
                total = 0.0
        rm.eval()

    @torch.no_grad()
    def rm_accuracy(self, rm, ps):
        """Accuracy of `rm` at ranking strong over weak, with the two baselines on the same pairs."""
        if ps is None or len(ps) == 0:
            return None
        rm.eval()
        s = ps.src_idx
        diff = rm.score(self.src[s], ps.strong, self.feats[s]) - rm.score(self.src[s], ps.weak, self.feats[s])
        correct = (diff > 0).float().sum().item() + 0.5 * (diff == 0).float().sum().item()
        return self._acc_record(correct, len(ps), self.src[s], ps.strong, ps.weak)

    def _acc_record(self, correct, n, src, strong, weak):
        change_s = (strong - src).abs().mean((1, 2, 3))
        change_w = (weak - src).abs().mean((1, 2, 3))
        bigger = (change_s > change_w).float().sum().item() + 0.5 * (change_s == change_w).float().sum().item()
        coin = (torch.rand(n, generator=torch.Generator().manual_seed(self.seed + n)) < 0.5).float().sum().item()
        return {"n": n, "acc": round(correct / n, 4), "ci95": wilson(correct, n),
                "baselines": {"random": round(coin / n, 4), "biggerChangeWins": round(bigger / n, 4)}}

    @torch.no_grad()
    def gold_accuracy(self, rm):
        if self.gold is None:
            return None
        g = self.gold
        src, a, b = (x.to(self.device).float() / 255 for x in (g.src, g.a, g.b))
        feats = g.feats.to(self.device)
        a_strong = g.a_strong.to(self.device) > 0.5
        diff = rm.score(src, a, feats) - rm.score(src, b, feats)
        correct = ((diff > 0) == a_strong).float().sum().item()
        strong = torch.where(a_strong[:, None, None, None], a, b)
        weak = torch.where(a_strong[:, None, None, None], b, a)
        return self._acc_record(correct, g.n, src, strong, weak)

    # ---- policy -----------------------------------------------------------------------------
    def train_policy_sft(self, steps):
        opt = torch.optim.Adam(self.policy.parameters(), lr=self.cfg["policy_lr"])
        idx = torch.tensor(self.train_idx, device=self.device)
        for step in range(steps):
            b = idx[torch.randint(0, len(idx), (min(self.cfg["batch"], len(idx)),), generator=self.gen).to(self.device)]
            mu, ls = self.policy(self.src[b], self.feats[b])
            loss = -gaussian_log_prob(self.targets[b], mu, ls).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            if (step + 1) % 100 == 0 or step + 1 == steps:
                self.metrics.log({"type": "train", "round": 0, "phase": "policy_sft", "step": step + 1, "nll": round(loss.item(), 4)})
        self.freeze_reference()

    def freeze_reference(self):
        """GRPO's KL anchor: a frozen copy of the policy as it is now."""
        self.policy_sft = copy.deepcopy(self.policy).eval()
        for p in self.policy_sft.parameters():
            p.requires_grad_(False)

    def train_policy_grpo(self, steps, round_no):
        """GRPO: n samples per prompt, advantages normalised within the group, KL to the SFT policy."""
        cfg = self.cfg
        opt = torch.optim.Adam(self.policy.parameters(), lr=cfg["grpo_lr"])
        n, bsz = cfg["group"], cfg["grpo_batch"]
        for step in range(steps):
            idx = self.rng.sample(self.train_idx, min(bsz, len(self.train_idx)))
            t = torch.tensor(idx, device=self.device)
            mu, ls = self.policy(self.src[t], self.feats[t])
            eps = torch.randn(len(idx), n, mu.shape[1], generator=self.gen).to(self.device)
            z = (mu[:, None] + ls.exp()[:, None] * eps).detach()
            edits = [to_params(v) for v in z.reshape(-1, z.shape[-1]).tolist()]
            rep = [i for i in idx for _ in range(n)]
            with torch.no_grad():
                r_rep = torch.tensor(rep, device=self.device)
                disp = self.render(rep, edits)
                reward = self.rm.score(self.src[r_rep], disp, self.feats[r_rep]).view(len(idx), n)
            adv = (reward - reward.mean(1, keepdim=True)) / (reward.std(1, keepdim=True) + 1e-6)
            logp = gaussian_log_prob(z, mu[:, None], ls[:, None])
            with torch.no_grad():
                mu_ref, ls_ref = self.policy_sft(self.src[t], self.feats[t])
            kl = gaussian_kl(mu, ls, mu_ref, ls_ref).mean()
            loss = -(adv * logp).mean() + cfg["kl_coef"] * kl
            opt.zero_grad()
            loss.backward()
            opt.step()
            if (step + 1) % 5 == 0 or step + 1 == steps:
                self.metrics.log({"type": "train", "round": round_no, "phase": "policy_grpo", "step": step + 1,
                                  "reward": round(reward.mean().item(), 4), "kl": round(kl.item(), 4)})

    @torch.no_grad()
    def policy_quality(self, idx):
        """Mean L1 (display, 0–1) between the policy's mean edit and the target edit, on `idx`."""
        _, edits = self.sample_edits(idx, 1, mean=True)
        disp = self.render(idx, edits)
        t = torch.tensor(idx, device=self.device)
        l1 = (disp - self.target_disp[t]).abs().mean().item()
        none = (self.src[t] - self.target_disp[t]).abs().mean().item()
        mae = (torch.tensor([to_vector(e) for e in edits]) - self.data.targets[idx]).abs().mean().item()
        return {"l1ToTarget": round(l1, 4), "l1NoEdit": round(none, 4), "sliderMae": round(mae, 4)}

    # ---- checkpoints ------------------------------------------------------------------------
    def save(self, round_no):
        d = os.path.join(self.out_dir, "round_%d" % round_no)
        cfg = {"res": int(self.codes.shape[-1]), "seed": self.seed, "round": round_no}
        save_checkpoint(self.rm, "reward", os.path.join(d, "reward.pt"), cfg)
        save_checkpoint(self.policy, "policy", os.path.join(d, "policy.pt"), cfg)
        with open(os.path.join(self.out_dir, "checkpoint_tracker.json"), "w") as f:
            json.dump({"last_round": round_no, "last_reward_path": os.path.join(d, "reward.pt"), "last_policy_path": os.path.join(d, "policy.pt")}, f)
        return d

    # ---- the loop ---------------------------------------------------------------------------
    def run(self, rounds=2, compare_perturbed_only=False):
        cfg = self.cfg
        train_pert = self.perturbed_pairs(self.train_idx, cfg["perturb_per_sample"])
        val_pert = self.perturbed_pairs(self.val_idx, cfg["perturb_per_sample"])
        self.train_rm(self.rm, [(train_pert, 1.0)], cfg["rm_sft_steps"], "rm_sft", 0)
        self.train_policy_sft(cfg["policy_sft_steps"])
        rm_po = copy.deepcopy(self.rm) if compare_perturbed_only else None
        val_pol = self.policy_pairs(self.val_idx, cfg["policy_pairs_per_sample"])
        history = [self._eval(0, val_pert, val_pol, rm_po)]
        self.save(0)
        policy_pools = []
        for k in range(1, rounds + 1):
            self.train_policy_grpo(cfg["grpo_steps"], k)
            policy_pools.append(self.policy_pairs(self.train_idx, cfg["policy_pairs_per_sample"]))
            pgrt = PairSet.cat(policy_pools)
            self.train_rm(self.rm, [(pgrt, 1 - cfg["replay"]), (train_pert, cfg["replay"])], cfg["rm_pgrt_steps"], "rm_pgrt", k)
            if rm_po is not None:
                self.train_rm(rm_po, [(train_pert, 1.0)], cfg["rm_pgrt_steps"], "rm_perturbed_only", k)
            val_pol = self.policy_pairs(self.val_idx, cfg["policy_pairs_per_sample"])
            history.append(self._eval(k, val_pert, val_pol, rm_po))
            self.save(k)
        return history

    def _eval(self, k, val_pert, val_pol, rm_po):
        rec = {"type": "eval", "round": k, "device": self.device.type,
               "reward": {"perturbed": self.rm_accuracy(self.rm, val_pert), "policy": self.rm_accuracy(self.rm, val_pol),
                          "gold": self.gold_accuracy(self.rm)},
               "policy": self.policy_quality(self.val_idx)}
        if rm_po is not None:
            rec["rewardPerturbedOnly"] = {"perturbed": self.rm_accuracy(rm_po, val_pert), "policy": self.rm_accuracy(rm_po, val_pol)}
        self.metrics.log(rec)
        return rec
