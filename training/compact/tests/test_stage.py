"""The per-kind stage a platform round runs (`train.py --kind reward`), on a tiny EasyR1 PGRT export."""
import json
import os
import shutil
import tempfile
import unittest

import torch
from PIL import Image

from helpers import HERE  # noqa: F401  (puts training/compact on sys.path)
from models import load_checkpoint
from train import main


def write_export(d, n=12, policy_round=None):
    """Rows [original, A, B]: the strong edit brightens (as asked), the weak one darkens; strong slot alternates."""
    os.makedirs(os.path.join(d, "images"), exist_ok=True)
    rows = []
    for i in range(n):
        base = 60 + 10 * i
        paths = []
        for name, v in (("src", base), ("strong", base + 60), ("weak", base - 40)):
            p = "images/%d-%s.png" % (i, name)
            Image.new("RGB", (24, 24), (v, v, max(0, v - 10))).save(os.path.join(d, p))
            paths.append(p)
        strong = "A" if i % 2 == 0 else "B"
        images = [paths[0], paths[1], paths[2]] if strong == "A" else [paths[0], paths[2], paths[1]]
        source = "policy@%d" % policy_round if policy_round and i % 2 else "perturbed"
        rows.append({"problem": "Instruction: Make it brighter.", "images": images,
                     "answer": json.dumps({"strong": strong, "pair_id": "p%d" % i, "weak_source": source})})
    with open(os.path.join(d, "train.jsonl"), "w") as f:
        f.write("\n".join(json.dumps(r) for r in rows) + "\n")


def events(out):
    with open(os.path.join(out, "metrics.jsonl")) as f:
        return [json.loads(line) for line in f if line.strip()]


class RewardStageTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="compact-stage-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_round_one_learns_perturbed_pairs_and_round_two_continues_on_policy_pairs(self):
        d1, out1 = os.path.join(self.dir, "export1"), os.path.join(self.dir, "run1")
        write_export(d1)
        main(["--kind", "reward", "--data", d1, "--out", out1, "--round", "1", "--res", "16", "--rm-sft-steps", "60", "--init", ""])
        with open(os.path.join(out1, "checkpoint_tracker.json")) as f:
            tracker = json.load(f)
        self.assertEqual(tracker["last_actor_path"], os.path.join(out1, "reward.pt"))
        model, cfg = load_checkpoint(tracker["last_actor_path"], "reward")
        self.assertEqual((cfg["res"], cfg["round"]), (16, 1))
        ev1 = events(out1)
        self.assertEqual({e.get("phase") for e in ev1 if e["type"] == "train"}, {"rm_sft"})
        fit = next(e for e in ev1 if e["type"] == "eval")["train"]
        self.assertGreater(fit["perturbed"]["acc"], 0.8)
        self.assertIsNone(fit["policy"])

        d2, out2 = os.path.join(self.dir, "export2"), os.path.join(self.dir, "run2")
        write_export(d2, policy_round=1)
        main(["--kind", "reward", "--data", d2, "--out", out2, "--round", "2", "--rm-pgrt-steps", "20", "--init", tracker["last_actor_path"]])
        ev2 = events(out2)
        self.assertEqual({e.get("phase") for e in ev2 if e["type"] == "train"}, {"rm_pgrt"})
        summary = next(e for e in ev2 if e["type"] == "summary")
        self.assertEqual((summary["pairs"], summary["policyPairs"]), (12, 6))
        # It started from round 1's weights (the resolution comes from the checkpoint) and moved them.
        model2, cfg2 = load_checkpoint(os.path.join(out2, "reward.pt"), "reward")
        self.assertEqual(cfg2["res"], 16)
        self.assertFalse(all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), model2.state_dict().values())))

    def test_a_parent_from_another_trainer_is_not_a_start_point(self):
        d, out = os.path.join(self.dir, "export"), os.path.join(self.dir, "run")
        write_export(d, n=4)
        not_compact = os.path.join(self.dir, "global_step_20", "actor")
        os.makedirs(not_compact)
        main(["--kind", "reward", "--data", d, "--out", out, "--round", "2", "--res", "16", "--rm-sft-steps", "5", "--init", not_compact])
        self.assertEqual({e.get("phase") for e in events(out) if e["type"] == "train"}, {"rm_sft"})


if __name__ == "__main__":
    unittest.main()
