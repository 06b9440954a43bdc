"""EasyR1 batch reward for policy RL: asks the RetouchIQ Studio reward service.

Config: worker.reward.reward_function=training/easyr1/reward_fn.py:main
        worker.reward.reward_function_kwargs.url=http://studio:3000/api/v1/rewards/policy:batch
The token comes from the RIQ_API_TOKEN env var (Ray runtime_env). EasyR1 passes
only {response, response_length, ground_truth}; the export put the sample_id
in ground_truth (the `answer` column) so the service can find the image.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from riq_client import sample_id_of, score_items  # noqa: E402

REWARD_TYPE = "batch"
REWARD_NAME = "retouchiq"


def main(reward_inputs, url=None, token=None, chunk_size=64, concurrency=8, timeout_s=600):
    items = [{"sample_id": sample_id_of(r["ground_truth"]), "response": r["response"]} for r in reward_inputs]
    return score_items(items, url=url, token=token, chunk_size=int(chunk_size), concurrency=int(concurrency), timeout_s=float(timeout_s))
