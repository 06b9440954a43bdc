"""The compact reward model (image-pair scorer) and policy (Gaussian over the main sliders)."""
import os

import torch
import torch.nn as nn

from data import FEATURES
from sliders import DIM


class ImageEncoder(nn.Module):
    """Downsampled display image [B, 3, R, R] in [0, 1] → feature vector (conv + global statistics)."""

    def __init__(self, width=24):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(3, width, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(width, width, 3, stride=2, padding=1), nn.ReLU(),
        )
        self.out_dim = width + 12

    def forward(self, x):
        lum = (0.2126 * x[:, 0] + 0.7152 * x[:, 1] + 0.0722 * x[:, 2]).flatten(1)
        q = torch.quantile(lum, torch.tensor([0.1, 0.5, 0.9], device=x.device), dim=1).T
        stats = torch.cat([x.mean((2, 3)), x.std((2, 3)), q, (x.max(1).values - x.min(1).values).mean((1, 2))[:, None],
                           lum.std(1, keepdim=True), lum.mean(1, keepdim=True)], 1)
        return torch.cat([self.conv(x).mean((2, 3)), stats * 4], 1)


class RewardModel(nn.Module):
    """score(source, candidate, instruction): higher = better edit for the instruction.
    A pair (A, B) is judged by comparing the two scores (pairwise / Bradley–Terry loss)."""

    def __init__(self, hidden=96):
        super().__init__()
        self.enc = ImageEncoder()
        d = self.enc.out_dim
        self.instr = nn.Sequential(nn.Linear(FEATURES, hidden), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * d + hidden, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.film = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, 1)

    def score(self, src, cand, feats):
        es, ec = self.enc(src), self.enc(cand)
        h = self.instr(feats)
        z = self.head(torch.cat([ec - es, es, h], 1))
        return self.out(z * (1 + self.film(h))).squeeze(1)

    def pair_logit(self, src, a, b, feats):
        """logit of P(A better than B)."""
        return self.score(src, a, feats) - self.score(src, b, feats)


class Policy(nn.Module):
    """(source image, instruction) → Gaussian over the main sliders in policy units."""

    def __init__(self, hidden=128):
        super().__init__()
        self.enc = ImageEncoder()
        self.body = nn.Sequential(nn.Linear(self.enc.out_dim + FEATURES, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.mu = nn.Linear(hidden, DIM)
        self.log_std = nn.Parameter(torch.full((DIM,), -1.0))

    def forward(self, src, feats):
        mu = self.mu(self.body(torch.cat([self.enc(src), feats], 1)))
        return mu, self.log_std.clamp(-3, 0.5).expand_as(mu)


def gaussian_log_prob(x, mu, log_std):
    return (-0.5 * ((x - mu) / log_std.exp()) ** 2 - log_std - 0.9189385332).sum(-1)


def gaussian_kl(mu_p, ls_p, mu_q, ls_q):
    """KL(p || q) of diagonal Gaussians, summed over dimensions."""
    return (ls_q - ls_p + (torch.exp(2 * ls_p) + (mu_p - mu_q) ** 2) / (2 * torch.exp(2 * ls_q)) - 0.5).sum(-1)


def save_checkpoint(model, kind, path, config):
    """One file per model: `{"kind": "reward"|"policy", "state": ..., "config": {"res", "sliders", ...}}`."""
    from sliders import SLIDERS
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    cfg = dict(config, sliders=[list(s) for s in SLIDERS])
    torch.save({"kind": kind, "state": {k: v.cpu() for k, v in model.state_dict().items()}, "config": cfg}, path)
    return path


def load_checkpoint(path, kind, device="cpu"):
    """(model in eval mode on `device`, its config) from a file `save_checkpoint` wrote; refuses the other kind."""
    ck = torch.load(path, map_location="cpu")
    if ck.get("kind") != kind:
        raise SystemExit("%s is a %s checkpoint, not %s" % (path, ck.get("kind"), kind))
    model = Policy() if kind == "policy" else RewardModel()
    model.load_state_dict(ck["state"])
    return model.to(device).eval(), ck["config"]
