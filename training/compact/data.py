"""Reads the platform's EasyR1 exports (rows + images) into tensors for the compact trainer."""
import json
import os
import re
import subprocess
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
    """EasyR1 rows from a .jsonl, .json or .parquet file (parquet through the checkout's hyparquet:
    `scripts/parquet-to-jsonl.ts`, since Debian's python3 has no pyarrow)."""
    if path.endswith(".parquet"):
        repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
        out = subprocess.run([os.path.join(repo, "node_modules", ".bin", "tsx"), os.path.join(repo, "scripts", "parquet-to-jsonl.ts"), os.path.abspath(path)],
                             cwd=repo, check=True, capture_output=True, text=True).stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]
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


def _from_numbered_curve(value):
    """JarvisArt's curve `{"1": x1, "2": y1, ...}` → [[x1, y1], ...]; other values unchanged."""
    if isinstance(value, dict) and value and all(k.isdigit() for k in value):
        flat = [value[k] for k in sorted(value, key=int)]
        return [[flat[i], flat[i + 1]] for i in range(0, len(flat) - 1, 2)]
    return value


def sharegpt_to_row(row, index, split):
    """A LLaMA-Factory policy SFT row (the platform's `llamafactory-policy-sft` export:
    human `<image>Instruction: ...`, gpt `<think>...</think><answer>{JarvisArt JSON}</answer>`)
    as the EasyR1-style row this module reads, with the target params in `answer`."""
    conv = row["conversations"]
    human = next(c["value"] for c in conv if c["from"] == "human")
    gpt = next(c["value"] for c in conv if c["from"] == "gpt")
    m = re.search(r"<answer>(.*?)</answer>", gpt, re.S)
    config = json.loads(m.group(1)) if m else {}
    params = {k: _from_numbered_curve(v) for k, v in config.items()}
    im = re.search(r"Instruction:\s*(.*)", human)
    instruction = (im.group(1) if im else human.replace("<image>", "")).strip()
    answer = {"sample_id": row.get("id", index), "instruction": instruction, "params": params, "split": split}
    return {"problem": human, "images": row["images"][:1], "answer": answer}


class PolicyData:
    """Policy rows: EasyR1 rows (`problem`, `images` [src], `answer` JSON with sample_id, instruction,
    params, split), as `npm run corpus:presets` writes them, or the platform's LLaMA-Factory policy SFT
    export (sharegpt `conversations`, whose answer carries the params; split from the file name)."""

    def __init__(self, path, res=32, image_dir=None):
        rows = read_rows(path)
        base = image_dir or os.path.dirname(os.path.abspath(path))
        file_split = "val" if re.search(r"(val|test)", os.path.basename(path)) else "train"
        rows = [sharegpt_to_row(r, i, file_split) if "conversations" in r else r for i, r in enumerate(rows)]
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


def merge_policy_files(paths, out_path):
    """Joins policy files (e.g. the export's policy_sft_train.jsonl + policy_sft_val.jsonl, whose
    split is in the file name) into one EasyR1-style jsonl the trainer reads."""
    rows = []
    for path in paths:
        split = "val" if re.search(r"(val|test)", os.path.basename(path)) else "train"
        for i, r in enumerate(read_rows(path)):
            row = sharegpt_to_row(r, "%s-%d" % (split, i), split) if "conversations" in r else r
            row["images"] = [os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(path)), row["images"][0]), os.path.dirname(os.path.abspath(out_path)))]
            rows.append(row)
    with open(out_path, "w") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return out_path


class GoldPairs:
    """EasyR1 PGRT / GRM rows (`images` [orig, A, B], `answer` {strong: A|B, weak_source}) as rendered
    codes: the human-gold set, or a round's reward-model export (`weak_sources`: perturbed, policy@N, ...)."""

    def __init__(self, path, res=32, image_dir=None):
        rows = read_rows(path)
        base = image_dir or os.path.dirname(os.path.abspath(path))
        src, a, b, feats, strong = [], [], [], [], []
        self.weak_sources = []
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
            self.weak_sources.append(str(answer.get("weak_source", "")))
        self.n = len(strong)
        if self.n:
            self.src, self.a, self.b = torch.stack(src), torch.stack(a), torch.stack(b)
            self.feats = torch.stack(feats)
            self.a_strong = torch.tensor(strong)
