"""serve.py's registry mode: the platform registers a checkpoint by writing `<registry>/<name>.json`."""
import base64
import io
import json
import os
import shutil
import tempfile
import unittest

import torch
from PIL import Image

from helpers import HERE  # noqa: F401  (puts training/compact on sys.path)
from models import Policy, RewardModel, save_checkpoint
from serve import Server


def data_url(v):
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (v, v, v)).save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def chat(model, images, n=1):
    content = [{"type": "text", "text": "Instruction: Make it brighter."}] + [{"type": "image_url", "image_url": {"url": u}} for u in images]
    return {"model": model, "n": n, "temperature": 0, "messages": [{"role": "user", "content": content}]}


class RegistryTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="compact-serve-")
        self.registry = os.path.join(self.dir, "registry")
        os.makedirs(self.registry)
        torch.manual_seed(0)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def register(self, name, kind, model):
        path = save_checkpoint(model, kind, os.path.join(self.dir, name, kind + ".pt"), {"res": 16, "round": 1})
        with open(os.path.join(self.registry, name + ".json"), "w") as f:
            json.dump({"kind": kind, "path": path}, f)

    def test_models_registered_after_start_are_served_by_name(self):
        server = Server(registry=self.registry, device="cpu")
        self.assertEqual(server.complete(chat("reward-r1-compact", [data_url(90)] * 3))[0], 404)
        self.register("reward-r1-compact", "reward", RewardModel())
        self.register("policy-r1-compact", "policy", Policy())
        self.assertEqual(server.listing(), {"policy-r1-compact": "policy", "reward-r1-compact": "reward"})

        status, body = server.complete(chat("reward-r1-compact", [data_url(90), data_url(150), data_url(40)]))
        self.assertEqual(status, 200)
        scores = json.loads(body["choices"][0]["message"]["content"])["scores"]
        self.assertAlmostEqual(scores["A"] + scores["B"], 10, places=2)

        status, body = server.complete(chat("policy-r1-compact", [data_url(90)], n=2))
        self.assertEqual(status, 200)
        self.assertEqual(len(body["choices"]), 2)
        self.assertRegex(body["choices"][0]["message"]["content"], r"^\{.*=.*\}$")

    def test_names_that_are_not_plain_file_names_are_refused(self):
        server = Server(registry=self.registry, device="cpu")
        with open(os.path.join(self.dir, "secret.json"), "w") as f:
            json.dump({"kind": "reward", "path": "/nonexistent"}, f)
        self.assertEqual(server.complete(chat("../secret", [data_url(1)] * 3))[0], 404)


if __name__ == "__main__":
    unittest.main()
