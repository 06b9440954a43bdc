// The heuristic backend's "done when" rates, measured on the sample photos:
// the reward role must prefer a real edit over its perturbed weak version on
// ≥ 80% of pairs, and the policy must move the image statistics the way a
// single-direction instruction asks on ≥ 90% of cases.
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { DevelopParams } from "@/lib/develop/params";
import type { Image8 } from "@/lib/develop/pipeline/decode";
import { annotateHeuristic } from "./annotate";
import { type Dimension, type Look } from "./look";
import { decodeForHeuristic, lookOfImage } from "./looks";
import { perturbHeuristic } from "./perturb";
import { proposeEditHeuristic } from "./propose-edit";
import { scorePairHeuristic } from "./score-pair";

const PHOTOS = readdirSync("public/samples").filter((f) => f.endsWith(".jpg"));

/** Realistic edits a photographer makes, sized a little by the photo (a dark one gets more exposure). */
function realEdits(look: Look): { name: string; params: DevelopParams }[] {
  const lift = look.brightness < 0.35 ? 1.1 : 0.6;
  return [
    { name: "brighten", params: { Exposure2012: lift, Shadows2012: 25, Highlights2012: -20 } },
    { name: "warm", params: { IncrementalTemperature: 28, Vibrance: 12, Exposure2012: 0.15 } },
    { name: "punchy", params: { Contrast2012: 40, Vibrance: 30, Clarity2012: 20, Blacks2012: -10 } },
    {
      name: "moody",
      params: { Exposure2012: -0.6, Contrast2012: 25, Saturation: -30, IncrementalTemperature: -12, PostCropVignetteAmount: -25 },
    },
    { name: "black-and-white", params: { ConvertToGrayscale: true, Contrast2012: 25, Clarity2012: 10 } },
    { name: "airy", params: { Exposure2012: 0.5, Contrast2012: -25, Shadows2012: 35, Highlights2012: -30, IncrementalTemperature: -6 } },
    { name: "cool-clean", params: { IncrementalTemperature: -25, IncrementalTint: 6, Whites2012: 15, Contrast2012: 10 } },
  ];
}

const images = new Map<string, Image8>();
beforeAll(async () => {
  for (const name of PHOTOS) images.set(name, await decodeForHeuristic(new Uint8Array(readFileSync(`public/samples/${name}`))));
});

describe("heuristic reward ranks real edits above perturbed ones", () => {
  it("prefers the original edit on at least 80% of pairs", () => {
    let wins = 0;
    let pairs = 0;
    const losses: string[] = [];
    for (const [name, image] of images) {
      const source = lookOfImage(image);
      for (const edit of realEdits(source)) {
        const strong = lookOfImage(image, edit.params);
        const { intentions } = annotateHeuristic({ before: source, after: strong, params: edit.params });
        const weak = perturbHeuristic({ params: edit.params, seed: pairs * 7919 });
        const weakLook = lookOfImage(image, weak.params);
        // Alternate slots so a position preference could not pass the test.
        const strongFirst = pairs % 2 === 0;
        const { scores } = scorePairHeuristic({
          instruction: intentions.medium,
          source,
          a: strongFirst ? strong : weakLook,
          b: strongFirst ? weakLook : strong,
        });
        const [s, w] = strongFirst ? [scores.A, scores.B] : [scores.B, scores.A];
        pairs++;
        if (s > w) wins++;
        else losses.push(`${name}/${edit.name}: "${intentions.medium}" strong ${s} vs weak ${w} (${weak.note})`);
      }
    }
    const rate = wins / pairs;
    console.log(`[heuristic] reward ranks original above perturbed on ${wins}/${pairs} pairs (${(rate * 100).toFixed(1)}%)`);
    if (losses.length) console.log(losses.join("\n"));
    expect(pairs).toBeGreaterThanOrEqual(50);
    expect(rate).toBeGreaterThanOrEqual(0.8);
  });
});

describe("heuristic policy moves the image the instructed way", () => {
  const CASES: { instruction: string; dim: Dimension; sign: 1 | -1 }[] = [
    { instruction: "brighter", dim: "brightness", sign: 1 },
    { instruction: "Make it warmer", dim: "warmth", sign: 1 },
    { instruction: "more contrast", dim: "contrast", sign: 1 },
    { instruction: "desaturate", dim: "saturation", sign: -1 },
  ];

  it("moves the statistics in the instructed direction on at least 90% of single-direction instructions", () => {
    let ok = 0;
    let total = 0;
    const misses: string[] = [];
    for (const [name, image] of images) {
      const before = lookOfImage(image);
      for (const c of CASES) {
        const [sample] = proposeEditHeuristic({ instruction: c.instruction, look: before });
        const after = lookOfImage(image, sample.params);
        total++;
        if (Math.sign(after[c.dim] - before[c.dim]) === c.sign) ok++;
        else
          misses.push(
            `${name} "${c.instruction}": ${c.dim} ${before[c.dim].toFixed(3)} → ${after[c.dim].toFixed(3)} with ${JSON.stringify(sample.params)}`,
          );
      }
    }
    const rate = ok / total;
    console.log(`[heuristic] policy moves ${ok}/${total} cases in the instructed direction (${(rate * 100).toFixed(1)}%)`);
    if (misses.length) console.log(misses.join("\n"));
    expect(total).toBe(PHOTOS.length * CASES.length);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
