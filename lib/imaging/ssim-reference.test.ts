import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { computeEvalMetrics, ssim, type RawImage } from "./index";
import { readText } from "@/test/files";
import { rawImage } from "@/test/images";

// Reference values come from scripts/fixtures/ssim_reference.py: a literal
// numpy port of Wang et al.'s ssim_index.m (MATLAB itself cannot run here),
// on the SSIM paper's distortion set applied to scikit-image sample crops.
const DIR = "lib/imaging/fixtures/ssim";
type Case = { reference: string; distorted: string; ssim: number };
const { cases } = JSON.parse(readText(`${DIR}/expected.json`)) as { cases: Case[] };

async function load(file: string): Promise<RawImage> {
  const { data, info } = await sharp(`${DIR}/${file}`).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as RawImage["channels"] };
}

describe("SSIM against the reference implementation", () => {
  it.each(cases)("$distorted → $ssim", async ({ reference, distorted, ssim: expected }) => {
    const [ref, dist] = await Promise.all([load(reference), load(distorted)]);
    expect(ssim({ edited: dist, reference: ref })).toBeCloseTo(expected, 6);
    expect(computeEvalMetrics({ edited: dist, reference: ref }).ssim).toBeCloseTo(expected, 6);
  });

  it("orders the distortions as the reference does", async () => {
    const ours = await Promise.all(cases.map(async (c) => ssim({ edited: await load(c.distorted), reference: await load(c.reference) })));
    const rank = (v: number[]) => v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
    expect(rank(ours)).toEqual(rank(cases.map((c) => c.ssim)));
  });
});

describe("computeEvalMetrics", () => {
  const a = rawImage(3, 2, (x, y) => [x * 50, y * 100, 10]);
  const b = rawImage(3, 2, (x, y) => [x * 50 + 51, y * 100, 10 - (x === 0 ? 10 : 0)]);

  it("gives hand-computed L1 and L2 (MSE) on [0, 1] for a tiny pair", () => {
    // Δ per pixel: R always 51 (0.2), G 0, B 10 on the 2 pixels with x = 0.
    const m = computeEvalMetrics({ edited: b, reference: a });
    const l1 = (6 * 51 + 2 * 10) / 18 / 255;
    const l2 = (6 * 51 ** 2 + 2 * 10 ** 2) / 18 / 255 ** 2;
    expect(m.l1).toBeCloseTo(l1, 12);
    expect(m.l2).toBeCloseTo(l2, 12);
    expect(m.psnr).toBeCloseTo(10 * Math.log10(1 / l2), 9);
  });

  it("agrees with ssim() and is perfect for identical images", () => {
    const photo = rawImage(40, 30, (x, y) => [(x * 13 + y * 7) % 256, (x * y) % 256, (x + 3 * y) % 256]);
    const other = rawImage(40, 30, (x, y) => [(x * 11 + y * 7) % 256, (x * y + 5) % 256, (x + 2 * y) % 256]);
    expect(computeEvalMetrics({ edited: photo, reference: photo })).toEqual({ l1: 0, l2: 0, psnr: Infinity, ssim: 1 });
    expect(computeEvalMetrics({ edited: other, reference: photo }).ssim).toBeCloseTo(ssim({ edited: other, reference: photo }), 12);
  });

  it("uses the largest odd window on images smaller than 11 px", () => {
    // 5×5: a 5-tap window, one valid position; flat images reduce SSIM to the luminance term.
    const c1 = (0.01 * 255) ** 2;
    const flat = (v: number) => rawImage(5, 5, () => [v, v, v]);
    expect(computeEvalMetrics({ edited: flat(40), reference: flat(60) }).ssim).toBeCloseTo(
      (2 * 40 * 60 + c1) / (40 ** 2 + 60 ** 2 + c1),
      10,
    );
  });
});
