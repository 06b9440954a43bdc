"""Parity of the PyTorch plan renderer with the TypeScript engine (within 2 codes)."""
import os
import shutil
import sys
import unittest

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from plan import PlanClient, apply_plans, to_codes  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
HAS_ENGINE = PlanClient.local_command(REPO) is not None and shutil.which("node")

EDITS = [
    {"exposure": 0.8, "contrast": 30},
    {"Exposure2012": -0.6, "Highlights2012": -60, "Shadows2012": 50, "Whites2012": 20, "Blacks2012": -25},
    {"temperature": 25, "tint": -10, "vibrance": 40, "saturation": -20},
    {"Saturation": 35, "HueAdjustmentBlue": -30, "SaturationAdjustmentOrange": 25, "LuminanceAdjustmentGreen": -20},
    {"ConvertToGrayscale": True, "Contrast2012": 20},
    {"SplitToningShadowHue": 220, "SplitToningShadowSaturation": 30, "SplitToningHighlightHue": 45, "SplitToningHighlightSaturation": 25,
     "ToneCurvePV2012": [[0, 20], [128, 140], [255, 240]], "exposure": 1.5},
    {"Dehaze": 20, "PostCropVignetteAmount": -30, "exposure": 0.3},
]


@unittest.skipUnless(HAS_ENGINE, "no engine to compare with: run npm ci (tsx) or npm run build:plan-bundle")
class PlanParityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = PlanClient(grid_size=25)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()

    def test_matches_typescript_render_within_2_codes(self):
        g = torch.Generator().manual_seed(7)
        # Every code on every channel at least once, plus random colours.
        h, w = 32, 40
        img = torch.randint(0, 256, (3, h, w), generator=g, dtype=torch.uint8)
        img[:, 0, :] = torch.arange(w, dtype=torch.uint8)[None] * 6
        img[0, 1, :] = 255
        img[1, 2, :] = 0
        flat = img.permute(1, 2, 0).contiguous().numpy().tobytes() if hasattr(img, "numpy") else None
        plans = self.client.plans(EDITS)
        got = to_codes(apply_plans(img[None].expand(len(EDITS), -1, -1, -1), plans))
        if torch.cuda.is_available():  # the accelerator path gives the same codes (±1 for float order)
            on_gpu = to_codes(apply_plans(img[None].expand(len(EDITS), -1, -1, -1).cuda(), plans)).cpu()
            self.assertLessEqual((on_gpu.int() - got.int()).abs().max().item(), 1)
        worst = []
        for i, (edit, plan) in enumerate(zip(EDITS, plans)):
            ref_bytes, spatial = self.client.render_reference(flat, w, h, edit, grid_size=25)
            if spatial:
                self.assertEqual(plan.spatial, spatial)
                continue  # spatial stages run on the render API, not here
            ref = torch.frombuffer(bytearray(ref_bytes), dtype=torch.uint8).reshape(h, w, 3).permute(2, 0, 1)
            diff = (got[i].int() - ref.int()).abs().max().item()
            worst.append(diff)
            self.assertLessEqual(diff, 2, "edit %d %r differs by %d codes" % (i, edit, diff))
            if any(abs(v) > 0 for v in edit.values() if isinstance(v, (int, float))):
                self.assertGreater((ref.int() - img.int()).abs().max().item(), 0, "the edit must change the image")
        print("parity: worst code difference per edit", worst)
        self.assertGreaterEqual(len(worst), 5)
        # Edge-aware Highlights/Shadows need the image: the plan lists them for the render API.
        for edit, plan in zip(EDITS, plans):
            if any(edit.get(k) for k in ("Highlights2012", "Shadows2012", "highlights", "shadows")):
                self.assertIn("toneRegions", plan.spatial)
        self.assertEqual(plans[-1].spatial, ["presence", "vignette"])

    def test_identical_edits_are_baked_once(self):
        a, b = self.client.plans([{"exposure": 0.1}, {"exposure": 0.1}])
        self.assertIs(a, b)


if __name__ == "__main__":
    unittest.main()
