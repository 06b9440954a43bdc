"""EasyR1 batch reward for the reward model's PGRT: 1[r_strong > r_weak] + format.

Config: worker.reward.reward_function=training/easyr1/pgrt_reward.py:main
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from pgrt_rule import pgrt_score  # noqa: E402

REWARD_TYPE = "batch"
REWARD_NAME = "pgrt"


def main(reward_inputs, **_kwargs):
    return [pgrt_score(r["response"], r["ground_truth"]) for r in reward_inputs]
