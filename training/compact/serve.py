"""`python3 training/compact/serve.py --policy round_N/policy.pt --reward round_N/reward.pt [--port 8000]`
or `python3 training/compact/serve.py --registry <dir> --port 0` (models by name from `<dir>/<name>.json`)

Serves compact checkpoints over the OpenAI wire (`POST /v1/chat/completions`, `GET /v1/models`,
`GET /health`), so the platform's `openai-compatible` backend talks to a live trained model:
- policy (served as `--policy-name`, default compact-policy): answers the RetouchIQ edit text
  `{exposure=+0.90; contrast=-30}` with its reasoning in `message.reasoning` (vLLM) and
  `reasoning_content` (SGLang); `n` samples, the Gaussian's mean at temperature 0;
- reward (`--reward-name`, default compact-reward): the reward role's JSON
  `{"metrics": [...], "reasoning": "...", "scores": {"A": 0-10, "B": 0-10}}` for images
  (original, A, B); the scores are 10·P(A better) and 10·P(B better) from the pairwise model.
The instruction is read from the user text (`Instruction: ...` line, else the whole text).
Prints `listening on http://HOST:PORT` once ready (port 0 picks a free one).
"""
import argparse
import base64
import io
import json
import os
import re
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402
from PIL import Image  # noqa: E402

from data import instruction_features  # noqa: E402
from loop import pick_device  # noqa: E402
from models import load_checkpoint  # noqa: E402
from sliders import describe, retouchiq_text, to_params  # noqa: E402


def image_from_url(url, res):
    if url.startswith("data:"):
        raw = base64.b64decode(url.split(",", 1)[1])
    elif url.startswith("file://"):
        with open(url[7:], "rb") as f:
            raw = f.read()
    else:
        with urllib.request.urlopen(url, timeout=10) as r:
            raw = r.read()
    with Image.open(io.BytesIO(raw)) as im:
        im = im.convert("RGB").resize((res, res), Image.BILINEAR)
        t = torch.frombuffer(bytearray(im.tobytes()), dtype=torch.uint8).reshape(res, res, 3).permute(2, 0, 1)
    return t.float() / 255


def read_request(body):
    """(instruction text, [image urls]) from the last user message."""
    text, urls = "", []
    for msg in body.get("messages", []):
        if msg.get("role") != "user":
            continue
        content = msg.get("content")
        text, urls = "", []
        if isinstance(content, str):
            text = content
        else:
            for part in content or []:
                if part.get("type") == "text":
                    text += part.get("text", "") + "\n"
                elif part.get("type") == "image_url":
                    urls.append(part["image_url"]["url"])
    m = re.search(r"Instruction:\s*(.+)", text)
    instruction = (m.group(1) if m else text).replace("<image>", "").strip()
    return instruction, urls


class Server:
    def __init__(self, policy_path=None, reward_path=None, policy_name="compact-policy", reward_name="compact-reward", device="auto", api_key=None,
                 registry=None):
        self.device = pick_device(device)
        self.lock = threading.Lock()
        self.api_key = api_key
        self.registry = registry
        self.models = {}
        if policy_path:
            self.models[policy_name] = ("policy",) + load_checkpoint(policy_path, "policy", self.device)
        if reward_path:
            self.models[reward_name] = ("reward",) + load_checkpoint(reward_path, "reward", self.device)
        if not self.models and not registry:
            raise SystemExit("give --policy, --reward and/or --registry")

    def model(self, name):
        """A served model by name: loaded at start, or from `<registry>/<name>.json` ({"kind", "path"}) on first use."""
        with self.lock:
            if name not in self.models and self.registry and isinstance(name, str) and re.fullmatch(r"[\w.-]+", name):
                entry = os.path.join(self.registry, name + ".json")
                if os.path.isfile(entry):
                    with open(entry) as f:
                        spec = json.load(f)
                    self.models[name] = (spec["kind"],) + load_checkpoint(spec["path"], spec["kind"], self.device)
            return self.models.get(name)

    def listing(self):
        names = {k: v[0] for k, v in self.models.items()}
        if self.registry and os.path.isdir(self.registry):
            for f in sorted(os.listdir(self.registry)):
                if f.endswith(".json") and f[:-5] not in names:
                    try:
                        with open(os.path.join(self.registry, f)) as fh:
                            names[f[:-5]] = json.load(fh).get("kind")
                    except (OSError, ValueError):
                        continue
        return names

    def complete(self, body):
        name = body.get("model")
        try:
            served = self.model(name)
        except Exception as e:  # a registry entry whose checkpoint cannot be read
            return 500, {"error": {"message": "cannot load model %r: %s" % (name, e), "type": "server_error"}}
        if served is None:
            return 404, {"error": {"message": "model %r is not served here (have %s)" % (name, ", ".join(self.listing())), "type": "not_found"}}
        kind, model, cfg = served
        instruction, urls = read_request(body)
        res = cfg["res"]
        try:
            images = [image_from_url(u, res).to(self.device) for u in urls]
        except Exception as e:  # a bad image is the caller's error
            return 400, {"error": {"message": "cannot read an image: %s" % e, "type": "invalid_request_error"}}
        feats = instruction_features(instruction)[None].to(self.device)
        n = max(1, min(16, int(body.get("n") or 1)))
        temperature = float(body.get("temperature") if body.get("temperature") is not None else 1.0)
        with self.lock, torch.no_grad():
            if kind == "policy":
                if len(images) < 1:
                    return 400, {"error": {"message": "the policy needs the source image", "type": "invalid_request_error"}}
                mu, ls = model(images[0][None], feats)
                gen = torch.Generator().manual_seed(int(body.get("seed") or 0))
                choices = []
                for i in range(n):
                    z = mu[0] if temperature <= 0 else mu[0] + ls[0].exp() * temperature * torch.randn(mu.shape[1], generator=gen).to(self.device)
                    params = to_params(z.tolist())
                    reasoning = describe(params)
                    choices.append({"index": i, "finish_reason": "stop", "message": {
                        "role": "assistant", "content": retouchiq_text(params), "reasoning": reasoning, "reasoning_content": reasoning}})
            else:
                if len(images) < 3:
                    return 400, {"error": {"message": "the reward model needs 3 images: original, A, B", "type": "invalid_request_error"}}
                src = images[0][None]
                sa = model.score(src, images[1][None], feats).item()
                sb = model.score(src, images[2][None], feats).item()
                # Scores are relative (a pairwise model): 10·P(this one is the better edit).
                pa = torch.sigmoid(torch.tensor(sa - sb)).item()
                better = "A" if sa >= sb else "B"
                answer = {
                    "metrics": [
                        {"name": "instruction fidelity", "description": "the edit moves tone and colour the way the instruction asks"},
                        {"name": "look match", "description": "the result matches the requested look at the requested strength"},
                    ],
                    "reasoning": "Compact reward model (image-pair scorer): %s follows the instruction better (raw scores %.3f vs %.3f)." % (better, sa, sb),
                    "scores": {"A": round(10 * pa, 3), "B": round(10 * (1 - pa), 3)},
                }
                choices = [{"index": i, "finish_reason": "stop", "message": {"role": "assistant", "content": json.dumps(answer)}} for i in range(n)]
        words = len(instruction.split()) + 64 * len(images)
        return 200, {"id": "cmpl-%d" % time.time_ns(), "object": "chat.completion", "created": int(time.time()), "model": name,
                     "choices": choices, "usage": {"prompt_tokens": words, "completion_tokens": 24 * n, "total_tokens": words + 24 * n}}


def make_handler(server):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status, obj):
            data = json.dumps(obj).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def authorised(self):
            if not server.api_key:
                return True
            if self.headers.get("authorization", "") == "Bearer " + server.api_key:
                return True
            self.send(401, {"error": {"message": "bad API key", "type": "authentication_error"}})
            return False

        def do_GET(self):
            if self.path.rstrip("/") == "/health":
                return self.send(200, {"status": "ok"})
            if self.path.rstrip("/") == "/v1/models":
                if self.authorised():
                    self.send(200, {"object": "list", "data": [{"id": k, "object": "model", "owned_by": "retouchiq-compact", "role": kind}
                                                              for k, kind in server.listing().items()]})
                return None
            return self.send(404, {"error": {"message": "not found"}})

        def do_POST(self):
            if self.path.rstrip("/") != "/v1/chat/completions":
                return self.send(404, {"error": {"message": "not found"}})
            if not self.authorised():
                return None
            try:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                return self.send(400, {"error": {"message": "body is not JSON", "type": "invalid_request_error"}})
            status, obj = server.complete(body)
            return self.send(status, obj)

    return Handler


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--policy")
    ap.add_argument("--reward")
    ap.add_argument("--policy-name", default="compact-policy")
    ap.add_argument("--reward-name", default="compact-reward")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--device", default="auto")
    ap.add_argument("--api-key", default=os.environ.get("COMPACT_API_KEY"))
    ap.add_argument("--registry", help="folder of <model name>.json files ({\"kind\": \"policy\"|\"reward\", \"path\": checkpoint}), "
                                       "loaded on first use: how the platform serves every checkpoint its runs register")
    args = ap.parse_args(argv)
    server = Server(args.policy, args.reward, args.policy_name, args.reward_name, args.device, args.api_key, args.registry)
    httpd = ThreadingHTTPServer((args.host, args.port), make_handler(server))
    print("listening on http://%s:%d" % (args.host, httpd.server_address[1]), flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
