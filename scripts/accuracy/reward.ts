// npm run accuracy:reward — the reward role's accuracy on strong/weak pairs, with two
// baselines on the SAME pairs (random = 50%; "bigger change wins" by parameter distance
// from the source), split by perturbation kind.
//
// Honesty rules (issue 10): the instructions are a held-aside, hand-written paraphrase set
// (never produced by the heuristic annotator from the same edit), the strong edits are
// preset-like looks a photographer would apply, and every pair must differ by at least
// MIN_STEPS visible steps. The perturbations are lib/preference's strategies (not the
// heuristic perturber's own rules). Last line of output: one JSON object.
import { readFileSync } from "node:fs";
import { decodeForHeuristic, lookOfImage } from "@/lib/inference/heuristic/looks";
import { scorePairHeuristic } from "@/lib/inference/heuristic/score-pair";
import { accuracyTable, type JudgedPair } from "@/lib/preference/reward-accuracy";
import { editMagnitude, paramDistance } from "@/lib/preference/param-distance";
import { perturbAll } from "@/lib/preference/strategies";

const MIN_STEPS = 1;
const PHOTOS = [
  "astronaut",
  "coffee",
  "chelsea-cat",
  "cincinnati-bridge",
  "citrus-fruits",
  "honey-bee",
  "rocket-launch",
  "hubble-deep-field",
];

/** Preset-like edits with instructions written by a person, in words the heuristic lexicon does not necessarily use. */
const EDITS: { instruction: string; params: Record<string, number | boolean> }[] = [
  {
    instruction: "It's too gloomy — open it up so the room feels lit, but keep the window from blowing out.",
    params: { Exposure2012: 0.8, Highlights2012: -35, Shadows2012: 30 },
  },
  { instruction: "Give it a golden-hour feel.", params: { IncrementalTemperature: 30, Vibrance: 15, Exposure2012: 0.1 } },
  {
    instruction: "Make the colours pop and the details crisp, like a travel magazine cover.",
    params: { Vibrance: 35, Clarity2012: 25, Contrast2012: 20 },
  },
  {
    instruction: "I want a cold, moody winter look, a bit darker.",
    params: { IncrementalTemperature: -28, Exposure2012: -0.5, Saturation: -15 },
  },
  { instruction: "Flatten it into a soft, airy, low-contrast look.", params: { Contrast2012: -35, Exposure2012: 0.35, Blacks2012: 25 } },
  { instruction: "Turn it into a punchy black and white.", params: { ConvertToGrayscale: true, Contrast2012: 30 } },
  { instruction: "Tone down the colours — it looks radioactive.", params: { Saturation: -40, Vibrance: -15 } },
  {
    instruction: "Rescue the sky and the bright areas; everything bright is washed out.",
    params: { Highlights2012: -70, Whites2012: -25 },
  },
  {
    instruction: "Add drama: deeper blacks, stronger contrast, darker edges.",
    params: { Contrast2012: 40, Blacks2012: -30, PostCropVignetteAmount: -30 },
  },
  { instruction: "Slightly cooler and cleaner, fix the yellow cast.", params: { IncrementalTemperature: -22, Whites2012: 10 } },
];

async function main() {
  const judged: JudgedPair[] = [];
  let skipped = 0;
  for (const name of PHOTOS) {
    const image = await decodeForHeuristic(new Uint8Array(readFileSync(`public/samples/${name}.jpg`)));
    const source = lookOfImage(image);
    for (const edit of EDITS) {
      const strong = lookOfImage(image, edit.params);
      for (const weak of perturbAll(edit.params)) {
        if (paramDistance(edit.params, weak.params) < MIN_STEPS) {
          skipped++;
          continue;
        }
        const weakLook = lookOfImage(image, weak.params);
        // Swapped double judging: strong as A, then strong as B.
        const first = scorePairHeuristic({ instruction: edit.instruction, source, a: strong, b: weakLook }).scores;
        const second = scorePairHeuristic({ instruction: edit.instruction, source, a: weakLook, b: strong }).scores;
        const verdict = (s: number, w: number) => (s > w ? "strong" : s < w ? "weak" : "tie") as "strong" | "weak" | "tie";
        judged.push({
          kind: weak.kind,
          verdicts: [verdict(first.A, first.B), verdict(second.B, second.A)],
          strongMagnitude: editMagnitude(edit.params),
          weakMagnitude: editMagnitude(weak.params),
        });
      }
    }
  }
  const table = accuracyTable(judged);
  const pad = (s: string, n: number) => s.padEnd(n);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `reward role: heuristic-reward · ${judged.length} pairs (${skipped} below ${MIN_STEPS} visible step skipped) · ${PHOTOS.length} photos × ${EDITS.length} hand-written instructions`,
  );
  console.log(`${pad("kind", 18)}${pad("pairs", 7)}${pad("model", 9)}${pad("random", 9)}bigger-change-wins`);
  for (const r of table)
    console.log(`${pad(r.kind, 18)}${pad(String(r.pairs), 7)}${pad(pct(r.model), 9)}${pad(pct(r.random), 9)}${pct(r.biggerChange)}`);
  console.log(
    JSON.stringify({
      model: "heuristic-reward",
      pairs: judged.length,
      table: table.map((r) => ({ ...r, model: Number(r.model.toFixed(4)), biggerChange: Number(r.biggerChange.toFixed(4)) })),
    }),
  );
}

await main();
