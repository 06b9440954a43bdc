"""Shared HTTP client for the RetouchIQ Studio reward service (stdlib only).

Runs on the GPU training nodes inside the trainer's reward worker. It posts
`{"items": [{"sample_id", "response"}]}` to `POST /api/v1/rewards/policy:batch`
in concurrent chunks and never raises: a chunk that fails (timeout, HTTP
error, bad JSON) scores 0 for each of its items, flagged, so one bad request
never stops a training step (EasyR1 #310: bound time and concurrency).
"""

import json
import os
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ZERO = {"overall": 0.0, "format": 0.0, "grm": 0.0, "parse_ok": 0.0, "render_ok": 0.0, "client_error": 1.0}


def _post(url, token, items, timeout_s):
    body = json.dumps({"items": items}).encode("utf-8")
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = "Bearer " + token
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(req, timeout=timeout_s) as res:
        results = json.loads(res.read().decode("utf-8"))["results"]
    if len(results) != len(items):
        raise ValueError("reward service returned %d results for %d items" % (len(results), len(items)))
    return results


def _to_floats(result):
    out = {k: float(result.get(k, 0) or 0) for k in ("overall", "format", "grm")}
    out["parse_ok"] = 1.0 if result.get("parse_ok") else 0.0
    out["render_ok"] = 1.0 if result.get("render_ok") else 0.0
    out["client_error"] = 0.0
    return out


def score_items(items, url=None, token=None, chunk_size=64, concurrency=8, timeout_s=600):
    """Score `[{"sample_id", "response"}]`; returns one dict of floats per item, in order."""
    url = url or os.environ.get("RIQ_REWARD_URL", "http://localhost:3000/api/v1/rewards/policy:batch")
    token = token if token is not None else os.environ.get("RIQ_API_TOKEN", "")
    chunks = [items[i : i + chunk_size] for i in range(0, len(items), chunk_size)]

    def run(chunk):
        try:
            return [_to_floats(r) for r in _post(url, token, chunk, timeout_s)]
        except Exception:  # noqa: BLE001 - every failure scores 0, never raises into the trainer
            return [dict(ZERO) for _ in chunk]

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        scored = list(pool.map(run, chunks))
    return [r for chunk in scored for r in chunk]


def sample_id_of(ground_truth):
    """The `sample_id` an export put in the answer / ground-truth JSON string ('' when unreadable)."""
    try:
        return str(json.loads(ground_truth)["sample_id"])
    except Exception:  # noqa: BLE001
        return ""
