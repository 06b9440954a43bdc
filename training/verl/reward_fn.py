"""verl reward for policy RL: asks the RetouchIQ Studio reward service.

Batch manager (recommended; verl #1507 - one call per sample is slow):
    reward_model.reward_manager=batch
    custom_reward_function.path=training/verl/reward_fn.py
    custom_reward_function.name=compute_score_batch
    +custom_reward_function.reward_kwargs.url=http://studio:3000/api/v1/rewards/policy:batch
Per-sample managers (naive, reward loop) use `compute_score`.
verl returns a dict whose `score` is the reward; the other keys are logged.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from riq_client import sample_id_of, score_items  # noqa: E402


def _verl(result):
    out = dict(result)
    out["score"] = out.pop("overall")
    return out


def compute_score_batch(data_sources, solution_strs, ground_truths, extra_infos, url=None, token=None, chunk_size=64, concurrency=8, timeout_s=600, **_kw):
    items = []
    for gt, extra, response in zip(ground_truths, extra_infos, solution_strs):
        sid = (extra or {}).get("sample_id") or sample_id_of(gt)
        items.append({"sample_id": str(sid), "response": response})
    return [_verl(r) for r in score_items(items, url=url, token=token, chunk_size=int(chunk_size), concurrency=int(concurrency), timeout_s=float(timeout_s))]


def compute_score(data_source, solution_str, ground_truth, extra_info=None, url=None, token=None, timeout_s=600, **_kw):
    return compute_score_batch([data_source], [solution_str], [ground_truth], [extra_info], url=url, token=token, timeout_s=timeout_s)[0]
