"""The compact loop end to end (2 rounds) on a tiny preset-derived export (seconds on CPU)."""
import json
import os
import shutil
import tempfile
import unittest

import torch

from helpers import HAS_TSX, make_corpus
from data import PolicyData, instruction_features
from loop import CompactTrainer, Metrics, wilson
from plan import PlanClient

TINY = dict(rm_sft_steps=120, rm_pgrt_steps=30, policy_sft_steps=80, grpo_steps=3, group=4, grpo_batch=4, perturb_per_sample=2,
            policy_pairs_per_sample=1, batch=32)


def run_once(data, out, seed):
    client = PlanClient(grid_size=9)
    try:
        trainer = CompactTrainer(data, client, out, seed=seed, metrics=Metrics(out), **TINY)
        return trainer, trainer.run(rounds=2, compare_perturbed_only=True)
    finally:
        client.close()


@unittest.skipUnless(HAS_TSX, "node_modules/.bin/tsx missing: run npm ci")
class LoopTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rows = make_corpus(count=32)
        cls.data = PolicyData(cls.rows, res=24)
        cls.out = tempfile.mkdtemp(prefix="compact-run-")
        cls.trainer, cls.history = run_once(cls.data, cls.out, seed=5)

    @classmethod
    def tearDownClass(cls):
        cls.trainer.plans.close()
        shutil.rmtree(cls.out, ignore_errors=True)
        shutil.rmtree(os.path.dirname(cls.rows), ignore_errors=True)

    def test_reads_the_export(self):
        self.assertEqual(len(self.data.ids), 32)
        self.assertEqual(tuple(self.data.codes.shape), (32, 3, 24, 24))
        self.assertTrue(self.data.indices("train") and self.data.indices("val"))
        self.assertGreater(self.data.targets.abs().sum().item(), 0)

    def test_writes_checkpoints_and_metrics_for_every_round(self):
        for r in (0, 1, 2):
            for kind in ("reward", "policy"):
                ck = torch.load(os.path.join(self.out, "round_%d" % r, "%s.pt" % kind))
                self.assertEqual(ck["kind"], kind)
        with open(os.path.join(self.out, "metrics.jsonl")) as f:
            recs = [json.loads(line) for line in f]
        evals = [r for r in recs if r["type"] == "eval"]
        self.assertEqual([e["round"] for e in evals], [0, 1, 2])
        phases = {r["phase"] for r in recs if r["type"] == "train"}
        self.assertEqual(phases, {"rm_sft", "policy_sft", "policy_grpo", "rm_pgrt", "rm_perturbed_only"})
        for e in evals:
            acc = e["reward"]["perturbed"]
            self.assertLessEqual(acc["ci95"][0], acc["acc"])
            self.assertGreaterEqual(acc["ci95"][1], acc["acc"])
            self.assertIn("biggerChangeWins", acc["baselines"])

    def test_reward_model_learns_its_training_pairs(self):
        from models import RewardModel
        t = self.trainer
        pairs = t.perturbed_pairs(t.train_idx, 2)
        torch.manual_seed(0)
        rm = RewardModel().to(t.device)
        before = t.rm_accuracy(rm, pairs)["acc"]
        saved, t.metrics = t.metrics, Metrics(tempfile.mkdtemp(prefix="compact-m-"))
        try:
            t.train_rm(rm, [(pairs, 1.0)], 150, "test", 0)
        finally:
            shutil.rmtree(os.path.dirname(t.metrics.path), ignore_errors=True)
            t.metrics = saved
        after = t.rm_accuracy(rm, pairs)["acc"]
        self.assertGreater(after, 0.75)
        self.assertGreater(after, before + 0.1)

    def test_bench_prints_the_comparison_as_its_last_line(self):
        import contextlib
        import io
        import bench
        buf = io.StringIO()
        out = tempfile.mkdtemp(prefix="compact-bench-")
        try:
            with contextlib.redirect_stdout(buf):
                bench.main(["--data", self.rows, "--out", out, "--seeds", "0,1", "--rounds", "1", "--scale", "0.05", "--res", "24", "--grid-size", "9"])
        finally:
            shutil.rmtree(out, ignore_errors=True)
        last = json.loads(buf.getvalue().strip().splitlines()[-1])
        for key in ("rounds", "seeds", "accPerturbed", "accPolicy", "accPolicyPerturbedOnlyRM", "device"):
            self.assertIn(key, last)
        self.assertEqual(last["seeds"], [0, 1])
        self.assertEqual(len(last["perSeed"]), 2)
        self.assertTrue(0 <= last["accPolicy"] <= 1)

    def test_policy_sft_moves_toward_the_target_sliders(self):
        t = self.trainer
        z, _ = t.sample_edits(t.train_idx, 1, mean=True)
        mae = (z[:, 0].cpu() - self.data.targets[t.train_idx]).abs().mean().item()
        zero = self.data.targets[t.train_idx].abs().mean().item()
        self.assertLess(mae, zero)

    def test_same_seed_same_numbers(self):
        out = tempfile.mkdtemp(prefix="compact-run-")
        try:
            _, again = run_once(self.data, out, seed=5)
            self.assertEqual(json.dumps(again), json.dumps(self.history))
        finally:
            shutil.rmtree(out, ignore_errors=True)


    def test_scores_human_gold_pairs_from_grm_rows(self):
        from PIL import Image
        from data import GoldPairs
        t = self.trainer
        d = tempfile.mkdtemp(prefix="compact-gold-")
        try:
            rows = []
            for j, i in enumerate(t.val_idx[:6]):
                names = []
                for what, img in (("o", t.src[i]), ("t", t.target_disp[i])):
                    name = "%d-%s.png" % (j, what)
                    arr = (img.clamp(0, 1) * 255).round().byte().permute(1, 2, 0).contiguous().cpu()
                    Image.frombytes("RGB", (arr.shape[1], arr.shape[0]), bytes(arr.flatten().tolist())).save(os.path.join(d, name))
                    names.append(name)
                # strong = the corpus edit, weak = no edit; the slot alternates
                ab = [names[1], names[0]] if j % 2 == 0 else [names[0], names[1]]
                rows.append({"problem": "Instruction: %s\nOriginal:<image>\nEdit A:<image>\nEdit B:<image>" % t.data.instructions[i],
                             "images": [names[0]] + ab, "answer": json.dumps({"strong": "A" if j % 2 == 0 else "B", "pair_id": str(j)})})
            # As the platform exports GRM rows: parquet, written by its own writer.
            import subprocess
            from helpers import REPO, TSX
            code = ('import { writeParquet } from "@/lib/training/export/write-parquet"; import { writeFileSync } from "node:fs";'
                    'writeFileSync(process.argv[1], writeParquet(JSON.parse(process.argv[2])));')
            subprocess.run([TSX, "-e", code, os.path.join(d, "gold.parquet"), json.dumps(rows)], cwd=REPO, check=True)
            gold = GoldPairs(os.path.join(d, "gold.parquet"), res=24)
            self.assertEqual(gold.n, 6)
            self.assertEqual(gold.a_strong.tolist(), [1.0, 0.0] * 3)
            t.gold = gold
            rec = t.gold_accuracy(t.rm)
            self.assertEqual(rec["n"], 6)
            self.assertTrue(0 <= rec["acc"] <= 1)
            self.assertIn("biggerChangeWins", rec["baselines"])
        finally:
            t.gold = None
            shutil.rmtree(d, ignore_errors=True)


class PiecesTest(unittest.TestCase):
    def test_metrics_are_posted_to_the_run_events_api(self):
        import threading
        from http.server import BaseHTTPRequestHandler, HTTPServer
        got = []

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                got.append((self.path, self.headers.get("authorization"), json.loads(self.rfile.read(int(self.headers["content-length"])))))
                self.send_response(202)
                self.end_headers()

        srv = HTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        d = tempfile.mkdtemp()
        try:
            m = Metrics(d, "http://127.0.0.1:%d/api/v1/runs/r1/events" % srv.server_address[1], "tok")
            m.log({"type": "eval", "round": 1, "device": "cpu", "reward": {"policy": {"acc": 0.75, "ci95": [0.5, 0.9]}, "gold": None}})
            dead = Metrics(d, "http://127.0.0.1:9/nowhere", "tok")
            dead.log({"type": "train", "round": 1, "phase": "rm_sft", "step": 10, "loss": 0.5})
        finally:
            srv.shutdown()
            shutil.rmtree(d, ignore_errors=True)
        self.assertEqual(got, [("/api/v1/runs/r1/events", "Bearer tok", {"events": [{"type": "metric", "step": 1, "name": "eval/reward/policy/acc", "value": 0.75}]})])
        self.assertEqual(dead.post_errors, 1)

    def test_wilson(self):
        lo, hi = wilson(80, 100)
        self.assertTrue(0.70 < lo < 0.8 < hi < 0.88)

    def test_instruction_features_are_stable_and_carry_numbers(self):
        a = instruction_features("+15 contrast")
        b = instruction_features("-15 contrast")
        self.assertTrue(torch.equal(a, instruction_features("+15 contrast")))
        self.assertFalse(torch.equal(a, b))


if __name__ == "__main__":
    unittest.main()
