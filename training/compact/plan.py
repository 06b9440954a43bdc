"""The develop engine's baked render plan, fetched from the platform and applied in PyTorch.

The platform is the one source of truth for pixels: it bakes every global stage of an edit into
per-channel tables and a 3D LUT (`POST /api/v1/render/plan`, or `scripts/render-plan-stdio.ts` beside
a checkout). Here they are applied to batches of 8-bit images on the trainer's device: a gather for
the 1D tables and a trilinear `grid_sample` for the cube. Spatial stages (clarity, vignette, grain,
local corrections, ...) are listed in `plan.spatial`; they are not applied here.
"""
import base64
import json
import os
import subprocess
import threading
import urllib.request

import torch
import torch.nn.functional as F

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class Plan:
    """One baked plan: `separable` [3, 256] display values, `grid` [S, S, S, 3] or None."""

    def __init__(self, size, separable, grid, spatial):
        self.size = size
        self.separable = separable
        self.grid = grid
        self.spatial = spatial

    @staticmethod
    def from_json(obj):
        if obj.get("encoding") != "float32le-base64":
            raise ValueError("unknown plan encoding %r" % obj.get("encoding"))
        size = int(obj["size"])
        sep = torch.frombuffer(bytearray(base64.b64decode(obj["separable"])), dtype=torch.float32).reshape(3, 256)
        grid = None
        if obj.get("grid"):
            grid = torch.frombuffer(bytearray(base64.b64decode(obj["grid"])), dtype=torch.float32).reshape(size, size, size, 3)
        return Plan(size, sep, grid, list(obj.get("spatial", [])))


def identity_grid(size):
    v = torch.linspace(0, 1, size)
    r, g, b = torch.meshgrid(v, v, v, indexing="ij")
    return torch.stack([r, g, b], dim=-1)


def apply_plans(codes, plans):
    """Renders a batch: `codes` uint8/long [B, 3, H, W] (sRGB codes), one plan per image.

    Returns float display values in [0, 1], [B, 3, H, W] (round(x*255) gives the engine's codes).
    """
    if codes.dim() != 4 or codes.shape[1] != 3:
        raise ValueError("codes must be [B, 3, H, W]")
    bsz, _, h, w = codes.shape
    if len(plans) != bsz:
        raise ValueError("one plan per image")
    device = codes.device
    sep = torch.stack([p.separable for p in plans]).to(device)  # [B, 3, 256]
    idx = codes.long().reshape(bsz, 3, h * w)
    disp = torch.gather(sep, 2, idx).reshape(bsz, 3, h, w)
    if all(p.grid is None for p in plans):
        return disp.clamp(0, 1)
    size = max(p.size for p in plans)
    cubes = []
    for p in plans:
        g = p.grid if p.grid is not None else identity_grid(p.size)
        if p.size != size:  # resample to a common size (identity grids are exact at any size)
            g = F.interpolate(g.permute(3, 0, 1, 2)[None], size=(size, size, size), mode="trilinear", align_corners=True)[0].permute(1, 2, 3, 0)
        cubes.append(g)
    # grid_sample input [B, C=3, D=r, H=g, W=b]; sample coords (x=b, y=g, z=r) in [-1, 1].
    cube = torch.stack(cubes).to(device).permute(0, 4, 1, 2, 3)
    coords = torch.stack([disp[:, 2], disp[:, 1], disp[:, 0]], dim=-1) * 2 - 1  # [B, H, W, 3]
    out = F.grid_sample(cube, coords[:, None], mode="bilinear", padding_mode="border", align_corners=True)
    return out[:, :, 0].clamp(0, 1)


def to_codes(display):
    return torch.round(display.clamp(0, 1) * 255).to(torch.uint8)


class PlanClient:
    """Fetches plans: from `POST {url}/api/v1/render/plan` (bearer token) when `url` is given, else
    from a long-lived `tsx scripts/render-plan-stdio.ts` child beside the checkout."""

    def __init__(self, url=None, token=None, grid_size=17, repo_root=REPO_ROOT, command=None):
        self.url = url.rstrip("/") if url else None
        self.command = command or self.local_command(repo_root)
        self.token = token
        self.grid_size = grid_size
        self.repo_root = repo_root
        self._proc = None
        self._lock = threading.Lock()
        self._cache = {}

    @staticmethod
    def local_command(repo_root):
        """The engine beside this checkout: $COMPACT_PLAN_CMD, else tsx on the script, else plain node
        on the bundle `npm run build:plan-bundle` writes (for machines without node_modules)."""
        if os.environ.get("COMPACT_PLAN_CMD"):
            return os.environ["COMPACT_PLAN_CMD"].split()
        tsx = os.path.join(repo_root, "node_modules", ".bin", "tsx")
        if os.path.exists(tsx):
            return [tsx, os.path.join(repo_root, "scripts", "render-plan-stdio.ts")]
        bundle = os.path.join(repo_root, "training", "compact", "vendor", "render-plan.mjs")
        if os.path.exists(bundle):
            return ["node", bundle]
        return None

    def _stdio(self, request):
        with self._lock:
            if self._proc is None:
                if not self.command:
                    raise RuntimeError("no render-plan source: give a platform URL, run npm ci (tsx), or npm run build:plan-bundle")
                self._proc = subprocess.Popen(self.command, cwd=self.repo_root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
            line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError("render-plan-stdio exited")
        out = json.loads(line)
        if "error" in out:
            raise RuntimeError(out["error"])
        return out

    def _http(self, edits):
        body = json.dumps({"edits": edits, "gridSize": self.grid_size}).encode()
        req = urllib.request.Request(self.url + "/api/v1/render/plan", data=body, method="POST",
                                     headers={"content-type": "application/json", "authorization": "Bearer %s" % (self.token or "")})
        with urllib.request.urlopen(req, timeout=120) as res:
            return json.loads(res.read())

    def plans(self, edits, chunk=128):
        """One Plan per edit (dicts of develop params); identical edits are baked once."""
        keys = [json.dumps(e, sort_keys=True) for e in edits]
        missing = sorted({k for k in keys if k not in self._cache})
        for i in range(0, len(missing), chunk):
            part = [json.loads(k) for k in missing[i:i + chunk]]
            out = self._http(part) if self.url else self._stdio({"op": "plan", "edits": part, "gridSize": self.grid_size})
            for k, p in zip(missing[i:i + chunk], out["plans"]):
                self._cache[k] = Plan.from_json(p)
        if len(self._cache) > 20000:
            self._cache.clear()
        return [self._cache[k] for k in keys]

    def render_reference(self, rgb_bytes, width, height, params, grid_size=None):
        """The engine's own render (stdio only): for parity tests."""
        out = self._stdio({"op": "render", "image": {"width": width, "height": height, "data": base64.b64encode(rgb_bytes).decode()},
                           "params": params, "gridSize": grid_size or self.grid_size})
        return base64.b64decode(out["data"]), out["spatial"]

    def close(self):
        if self._proc is not None:
            self._proc.stdin.close()
            self._proc.stdout.close()
            self._proc.wait(timeout=10)
            self._proc = None
