"""Reads the platform's EasyR1 exports (rows + images) into tensors for the compact trainer."""
import json
import os
import re
import zlib

import torch
from PIL import Image

from sliders import numbers_by_word, to_vector

FEATURES = 512
_WORD = re.compile(r"[a-z]+|[+\-\u2212]?\d+(?:\.\d+)?")


def _bucket(token):
    return zlib.crc32(token.encode()) % FEATURES


def instruction_features(text):
    """Hashed bag of words + bigrams, plus each number added to the bucket of the word it qualifies
    (`+15 contrast` → +0.3 in the `#contrast` bucket): a fixed-size vector from any instruction."""
    v = torch.zeros(FEATURES)
    toks = [t for t in _WORD.findall(text.lower()) if not t[0].isdigit() and t[0] not in "+-\u2212"]
    for t in toks:
        v[_bucket(t)] += 1.0
    for a, b in zip(toks, toks[1:]):
        v[_bucket(a + " " + b)] += 0.5
    for word, value in numbers_by_word(text):
        v[_bucket("#" + word)] += value / 50.0
    n = v.abs().sum()
    return v / n.clamp(min=1.0) * 4.0


def load_image_codes(path, res):
    """An image as sRGB codes [3, res, res] (uint8), squashed to a square like the trainer's input."""
    with Image.open(path) as im:
        im = im.convert("RGB").resize((res, res), Image.BILINEAR)
        data = torch.frombuffer(bytearray(im.tobytes()), dtype=torch.uint8)
    return data.reshape(res, res, 3).permute(2, 0, 1).contiguous()


def read_rows(path):
    """EasyR1 rows from a .jsonl or .json file (parquet needs pyarrow, not available here)."""
    with open(path) as f:
        text = f.read()
    if path.endswith(".json"):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _instruction_of(row, answer):
    if answer.get("instruction"):
        return answer["instruction"]
    m = re.search(r"Instruction:\s*(.*?)(?:\s+(?:Original|Edit A):|$)", row.get("problem", ""), re.S)
    return (m.group(1) if m else row.get("problem", "")).replace("<image>", "").strip()


class PolicyData:
    """Policy rows (`problem`, `images` [src], `answer` JSON with sample_id, instruction, params, split)."""

    def __init__(self, path, res=32, image_dir=None):
        rows = read_rows(path)
        base = image_dir or os.path.dirname(os.path.abspath(path))
        self.ids, self.instructions, self.params, self.splits = [], [], [], []
        codes, feats, targets = [], [], []
        for row in rows:
            answer = json.loads(row["answer"]) if isinstance(row["answer"], str) else row["answer"]
            img = row["images"][0]
            img = img.get("path") if isinstance(img, dict) else img
            codes.append(load_image_codes(os.path.join(base, img), res))
            instr = _instruction_of(row, answer)
            feats.append(instruction_features(instr))
            params = answer.get("params") or {}
            targets.append(torch.tensor(to_vector(params)))
            self.ids.append(str(answer.get("sample_id", len(self.ids))))
            self.instructions.append(instr)
            self.params.append(params)
            self.splits.append(answer.get("split", "train"))
        self.codes = torch.stack(codes)
        self.feats = torch.stack(feats)
        self.targets = torch.stack(targets)

    def indices(self, split):
        return [i for i, s in enumerate(self.splits) if s == split]


class GoldPairs:
    """Human-gold GRM rows (`images` [orig, A, B], `answer` {strong: A|B}) as rendered codes."""

    def __init__(self, path, res=32, image_dir=None):
        rows = read_rows(path)
        base = image_dir or os.path.dirname(os.path.abspath(path))
        src, a, b, feats, strong = [], [], [], [], []
        for row in rows:
            answer = json.loads(row["answer"]) if isinstance(row["answer"], str) else row["answer"]
            if answer.get("strong") not in ("A", "B"):
                continue
            paths = [os.path.join(base, p) for p in row["images"][:3]]
            src.append(load_image_codes(paths[0], res))
            a.append(load_image_codes(paths[1], res))
            b.append(load_image_codes(paths[2], res))
            feats.append(instruction_features(_instruction_of(row, answer)))
            strong.append(1.0 if answer["strong"] == "A" else 0.0)
        self.n = len(strong)
        if self.n:
            self.src, self.a, self.b = torch.stack(src), torch.stack(a), torch.stack(b)
            self.feats = torch.stack(feats)
            self.a_strong = torch.tensor(strong)
