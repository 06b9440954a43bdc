import { serializeJarvisArt } from "@/lib/edits";
import { imagePath } from "./image-path";
import { pgrtPrompt, policyPrompt, rewardSftPrompt } from "./prompts";
import { strongSlot } from "./strong-slot";
import type { PairItem, PolicyItem } from "./types";

/** Options every row builder shares. */
export type RowOptions = {
  /** Seeds the strong-slot draw (the export's name by default), so re-exports are identical. */
  seed: string;
  /** Absolute folder the bundle is unpacked into on the training nodes (verl wants `file://` URIs). */
  imageRoot: string;
  /** Round number written into answers, so rewards and logs can tell rounds apart. */
  round?: number;
};

/** The JSON carried in the answer / ground-truth field: the only payload that reaches the reward function. */
export const policyAnswer = (item: PolicyItem, o: RowOptions) =>
  JSON.stringify({
    sample_id: item.sampleId,
    instruction: item.instruction,
    src: imagePath(item.source),
    ...(o.round !== undefined ? { round: o.round } : {}),
  });

/** A pair laid out for the reward model: images [original, A, B] and which slot is strong. */
export function pgrtLayout(pair: PairItem, o: RowOptions) {
  const strong = strongSlot(pair.pairId, o.seed);
  const [a, b] = strong === "A" ? [pair.strong, pair.weak] : [pair.weak, pair.strong];
  const images = [pair.original, a, b].map(imagePath);
  const answer = JSON.stringify({ strong, pair_id: pair.pairId, weak_source: pair.weakSource });
  return { strong, images, answer };
}

/** EasyR1 policy RL row: `problem` with one `<image>`, `images`, `answer` JSON string. */
export const easyr1PolicyRow = (item: PolicyItem, o: RowOptions) => ({
  problem: policyPrompt(item.instruction),
  images: [imagePath(item.source)],
  answer: policyAnswer(item, o),
});

/** EasyR1 PGRT row: three `<image>` tags (original, A, B), strong slot randomised, `answer.strong`. */
export function easyr1PgrtRow(pair: PairItem, o: RowOptions) {
  const { images, answer } = pgrtLayout(pair, o);
  return { problem: pgrtPrompt(pair.instruction), images, answer };
}

const fileUri = (root: string, rel: string) => `file://${root.replace(/\/+$/, "")}/${rel}`;

/** verl policy row: chat-list `prompt`, `images` as `{image: file://…}`, `reward_model.ground_truth`, `extra_info`. */
export const verlPolicyRow = (item: PolicyItem, o: RowOptions, index: number) => ({
  data_source: "retouchiq/policy",
  prompt: [{ role: "user", content: policyPrompt(item.instruction) }],
  images: [{ image: fileUri(o.imageRoot, imagePath(item.source)) }],
  ability: "retouch",
  reward_model: { style: "model", ground_truth: policyAnswer(item, o) },
  extra_info: { index, sample_id: item.sampleId, split: item.split, category: item.category },
});

/** verl PGRT row: three images, rule reward against `ground_truth.strong`. */
export function verlPgrtRow(pair: PairItem, o: RowOptions, index: number) {
  const { images, answer } = pgrtLayout(pair, o);
  return {
    data_source: "retouchiq/pgrt",
    prompt: [{ role: "user", content: pgrtPrompt(pair.instruction) }],
    images: images.map((p) => ({ image: fileUri(o.imageRoot, p) })),
    ability: "reward",
    reward_model: { style: "rule", ground_truth: answer },
    extra_info: { index, pair_id: pair.pairId, weak_source: pair.weakSource, split: pair.split },
  };
}

/** LLaMA-Factory sharegpt row for policy SFT: instruction → reasoning + params (JarvisArt format). */
export const policySftRow = (item: PolicyItem) => ({
  conversations: [
    { from: "human", value: policyPrompt(item.instruction) },
    { from: "gpt", value: serializeJarvisArt({ params: item.params, reasoning: item.reasoning }) },
  ],
  images: [imagePath(item.source)],
});

/** LLaMA-Factory sharegpt row for reward SFT: instruction + 3 images → metrics, then scores. */
export function rewardSftRow(pair: PairItem, o: RowOptions) {
  const { strong, images } = pgrtLayout(pair, o);
  const s = pair.scores ?? { strong: 8, weak: 4 };
  const scores = strong === "A" ? { A: s.strong, B: s.weak } : { A: s.weak, B: s.strong };
  const metrics = pair.metrics ?? [];
  const think = metrics.map((m) => `${m.name}: ${m.description}`).join("\n");
  return {
    conversations: [
      { from: "human", value: rewardSftPrompt(pair.instruction) },
      { from: "gpt", value: `<think>${think}</think>\n<answer>${JSON.stringify({ metrics, scores })}</answer>` },
    ],
    images,
  };
}
