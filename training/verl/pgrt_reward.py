"""verl reward for the reward model's PGRT: 1[r_strong > r_weak] + format (local rule)."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from pgrt_rule import pgrt_score  # noqa: E402


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **_kw):
    out = pgrt_score(solution_str, ground_truth)
    out["score"] = out.pop("overall")
    return out
