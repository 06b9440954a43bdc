import unittest

import helpers  # noqa: F401
from sliders import numbers_by_word, retouchiq_text, to_params, to_vector


class SlidersTest(unittest.TestCase):
    def test_round_trip_and_clamping(self):
        p = {"Exposure2012": 0.9, "Contrast2012": -30, "Vibrance": 12, "ToneCurvePV2012": [[0, 0], [255, 255]]}
        self.assertEqual(to_params(to_vector(p)), {"Exposure2012": 0.9, "Contrast2012": -30, "Vibrance": 12})
        self.assertEqual(to_params([99] + [0] * 7), {"Exposure2012": 5.0})
        self.assertEqual(to_params([float("nan")] * 8), {})

    def test_retouchiq_text(self):
        self.assertEqual(retouchiq_text({"Exposure2012": 0.9, "Contrast2012": -30}), "{exposure=+0.90; contrast=-30}")
        self.assertEqual(retouchiq_text({}), "{}")

    def test_numbers_by_word(self):
        self.assertEqual(numbers_by_word("+15 contrast, \u221212 highlights, +0.5 EV exposure"), [("contrast", 15.0), ("highlights", -12.0), ("exposure", 0.5)])


if __name__ == "__main__":
    unittest.main()


class ShareGptTest(unittest.TestCase):
    def test_reads_the_platform_policy_sft_export_row(self):
        from data import sharegpt_to_row
        row = {"conversations": [
            {"from": "human", "value": "<image>Instruction: Make it warmer.\nReason about what the image needs, ..."},
            {"from": "gpt", "value": '<think>warm</think>\n<answer>{"Exposure2012": 0.4, "ToneCurvePV2012": {"1": 0, "2": 10, "3": 255, "4": 250}}</answer>'}],
            "images": ["images/ab/abcd.jpg"]}
        out = sharegpt_to_row(row, 3, "val")
        self.assertEqual(out["answer"]["instruction"], "Make it warmer.")
        self.assertEqual(out["answer"]["params"], {"Exposure2012": 0.4, "ToneCurvePV2012": [[0, 10], [255, 250]]})
        self.assertEqual(out["answer"]["split"], "val")
        self.assertEqual(out["images"], ["images/ab/abcd.jpg"])
