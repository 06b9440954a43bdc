"""PGRT reward for the reward model: 1[r_strong > r_weak] + format (paper §4.3).

A local rule over the reward model's own text, given the export's
`{"strong": "A"|"B", "pair_id": ...}` answer: no service call is needed.
"""

import json
import re

FORMAT = re.compile(r"^\s*<think>.*?</think>\s*<answer>.*?</answer>\s*$", re.S)
ANSWER = re.compile(r"<answer>(.*?)</answer>", re.S)


def pgrt_score(response, ground_truth):
    fmt = 1.0 if FORMAT.match(response or "") else 0.0
    try:
        strong = json.loads(ground_truth)["strong"]
        m = ANSWER.search(response or "")
        scores = json.loads(m.group(1)) if m else {}
        scores = scores.get("scores", scores)
        weak = "B" if strong == "A" else "A"
        accuracy = 1.0 if float(scores[strong]) > float(scores[weak]) else 0.0
    except Exception:  # noqa: BLE001 - an unreadable answer earns no accuracy
        accuracy = 0.0
    return {"overall": accuracy + fmt, "format": fmt, "accuracy": accuracy}
