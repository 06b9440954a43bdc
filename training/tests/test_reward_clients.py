"""Reward-function clients against a loopback reward service.

Run: /usr/bin/python3 -m unittest discover -s training/tests
The fake service mimics POST /api/v1/rewards/policy:batch: it needs the bearer
token, scores `good` responses 1, and answers 500 for a chunk containing a
`boom` response, so the tests see chunking, concurrency and failure isolation.
"""

import json
import os
import sys
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import importlib.util  # noqa: E402

import pgrt_rule  # noqa: E402
import riq_client  # noqa: E402


def load(engine, name):
    """Load training/<engine>/<name>.py (both engines have a reward_fn.py)."""
    spec = importlib.util.spec_from_file_location("%s_%s" % (engine, name), os.path.join(ROOT, engine, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FakeService(BaseHTTPRequestHandler):
    calls = []
    in_flight = 0
    max_in_flight = 0
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def do_POST(self):
        if self.headers.get("authorization") != "Bearer tok":
            self.send_response(401)
            self.end_headers()
            return
        with FakeService.lock:
            FakeService.in_flight += 1
            FakeService.max_in_flight = max(FakeService.max_in_flight, FakeService.in_flight)
        try:
            body = json.loads(self.rfile.read(int(self.headers["content-length"])))
            items = body["items"]
            FakeService.calls.append(len(items))
            threading.Event().wait(0.05)
            if any(i["response"] == "boom" for i in items):
                self.send_response(500)
                self.end_headers()
                return
            results = [{"overall": 1.0 if i["response"] == "good" else 0.0, "format": 1.0, "grm": 0.5, "parse_ok": True, "render_ok": True, "sample_id": i["sample_id"]} for i in items]
            out = json.dumps({"results": results}).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)
        finally:
            with FakeService.lock:
                FakeService.in_flight -= 1


class RewardClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), FakeService)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.url = "http://127.0.0.1:%d/api/v1/rewards/policy:batch" % cls.server.server_address[1]

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()

    def setUp(self):
        FakeService.calls = []
        FakeService.max_in_flight = 0

    def test_easyr1_batch_in_concurrent_chunks_in_order(self):
        easyr1 = load("easyr1", "reward_fn")

        inputs = [{"response": "good" if i % 2 else "bad", "response_length": 4, "ground_truth": json.dumps({"sample_id": "s%d" % i})} for i in range(100)]
        out = easyr1.main(inputs, url=self.url, token="tok", chunk_size=16, concurrency=4)
        self.assertEqual(len(out), 100)
        self.assertEqual([o["overall"] for o in out], [1.0 if i % 2 else 0.0 for i in range(100)])
        self.assertEqual(sorted(FakeService.calls), sorted([16] * 6 + [4]))
        self.assertGreater(FakeService.max_in_flight, 1)
        self.assertLessEqual(FakeService.max_in_flight, 4)
        self.assertEqual(easyr1.REWARD_TYPE, "batch")

    def test_a_failing_chunk_scores_zero_without_raising(self):
        items = [{"sample_id": "s%d" % i, "response": "boom" if i == 3 else "good"} for i in range(8)]
        out = riq_client.score_items(items, url=self.url, token="tok", chunk_size=4, concurrency=2)
        self.assertEqual([o["overall"] for o in out], [0.0] * 4 + [1.0] * 4)
        self.assertEqual(out[0]["client_error"], 1.0)
        bad_token = riq_client.score_items(items[4:], url=self.url, token="wrong", chunk_size=4)
        self.assertEqual([o["overall"] for o in bad_token], [0.0] * 4)

    def test_verl_batch_and_single(self):
        verl = load("verl", "reward_fn")
        gts = [json.dumps({"sample_id": "a"}), json.dumps({"sample_id": "b"})]
        out = verl.compute_score_batch(["riq", "riq"], ["good", "bad"], gts, [{"sample_id": "a"}, None], url=self.url, token="tok")
        self.assertEqual([o["score"] for o in out], [1.0, 0.0])
        self.assertEqual(verl.compute_score("riq", "good", gts[0], url=self.url, token="tok")["score"], 1.0)

    def test_pgrt_rule(self):
        gt = json.dumps({"strong": "B", "pair_id": "p"})
        self.assertEqual(pgrt_rule.pgrt_score('<think>m</think><answer>{"A": 3, "B": 8}</answer>', gt), {"overall": 2.0, "format": 1.0, "accuracy": 1.0})
        self.assertEqual(pgrt_rule.pgrt_score('<answer>{"scores": {"A": 9, "B": 8}}</answer>', gt)["overall"], 0.0)
        self.assertEqual(pgrt_rule.pgrt_score("no answer at all", gt)["overall"], 0.0)


if __name__ == "__main__":
    unittest.main()
