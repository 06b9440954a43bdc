"""A tiny real training command for the platform's `local` backend (CPU, stdlib only).

It reads an export bundle (manifest.json + data files), fits a 2-parameter
logistic model by SGD on features it can read without pyarrow (row and image
counts per data file, prompt lengths of JSONL rows), prints metrics, POSTs them
to the run-events endpoint when given, and writes an EasyR1-shaped checkpoint:
  <out>/global_step_<N>/actor/model.json and <out>/checkpoint_tracker.json.
Stand-in until the compact trainer (training/compact) drives rounds; any
command that writes a checkpoint can replace it (TRAINER_LOCAL_COMMAND).
"""

import argparse
import json
import math
import os
import urllib.request


def post(url, token, events):
    if not url:
        return
    req = urllib.request.Request(url, data=json.dumps({"events": events}).encode(), method="POST", headers={"content-type": "application/json", "authorization": "Bearer " + token})
    try:
        urllib.request.urlopen(req, timeout=10).read()
    except Exception as error:  # noqa: BLE001 - metrics are best effort; the run goes on
        print("events POST failed: %s" % error, flush=True)


def features(data_dir, manifest):
    xs = []
    for f in manifest["files"]:
        if f["path"].endswith(".jsonl"):
            with open(os.path.join(data_dir, f["path"]), encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    xs.append(len(row["conversations"][0]["value"]) / 1000.0)
    if not xs:
        xs = [f["size"] / 1e6 for f in manifest["files"]]
    return xs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--kind", default="policy")
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--events-url", default=os.environ.get("RIQ_EVENTS_URL", ""))
    ap.add_argument("--token", default=os.environ.get("RIQ_API_TOKEN", ""))
    args = ap.parse_args()

    with open(os.path.join(args.data, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    xs = features(args.data, manifest)
    w, b = 0.0, 0.0
    events = []
    for step in range(1, args.steps + 1):
        loss, gw, gb = 0.0, 0.0, 0.0
        for i, x in enumerate(xs):
            y = 1.0 if i % 2 == 0 else 0.0
            p = 1.0 / (1.0 + math.exp(-(w * x + b)))
            loss -= y * math.log(p + 1e-9) + (1 - y) * math.log(1 - p + 1e-9)
            gw += (p - y) * x
            gb += p - y
        n = max(1, len(xs))
        w -= 0.5 * gw / n
        b -= 0.5 * gb / n
        print("step %d loss %.5f" % (step, loss / n), flush=True)
        events.append({"type": "metric", "step": step, "name": "loss", "value": loss / n})
    step_dir = os.path.join(args.out, "global_step_%d" % args.steps, "actor")
    os.makedirs(step_dir, exist_ok=True)
    with open(os.path.join(step_dir, "model.json"), "w", encoding="utf-8") as fh:
        json.dump({"kind": args.kind, "w": w, "b": b, "rows": len(xs), "export": manifest["contentHash"]}, fh)
    with open(os.path.join(args.out, "checkpoint_tracker.json"), "w", encoding="utf-8") as fh:
        json.dump({"last_global_step": args.steps, "last_actor_path": step_dir}, fh)
    events.append({"type": "checkpoint", "step": args.steps, "uri": "file://" + step_dir})
    post(args.events_url, args.token, events)
    print("checkpoint %s" % step_dir, flush=True)


if __name__ == "__main__":
    main()
