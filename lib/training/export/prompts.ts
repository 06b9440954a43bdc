// The text of exported prompts. The policy prompt matches lib/inference/prompts/policy/v1.md
// and the reward prompt lib/inference/prompts/reward/v1.md, so training and serving see the same words.

export const POLICY_FORMAT_RULES =
  'Reason about what the image needs, then output Lightroom develop parameters (non-default keys only) exactly as:\n<think>your reasoning</think>\n<answer>{"Exposure2012": 0.5}</answer>';

export const PGRT_FORMAT_RULES =
  'First list the metrics the instruction implies, then score each edit from 0 to 10, exactly as:\n<think>metrics and reasoning</think>\n<answer>{"A": 7.5, "B": 4.0}</answer>';

/** Policy prompt with one `<image>` tag (EasyR1 turns each tag into an image slot). */
export const policyPrompt = (instruction: string) => `<image>Instruction: ${instruction}\n${POLICY_FORMAT_RULES}`;

/** PGRT prompt with three `<image>` tags, in the order original, A, B. */
export const pgrtPrompt = (instruction: string) =>
  `Instruction: ${instruction}\nOriginal:<image>\nEdit A:<image>\nEdit B:<image>\n${PGRT_FORMAT_RULES}`;

/** Reward SFT prompt: same images as PGRT, asks for metrics then scores. */
export const rewardSftPrompt = pgrtPrompt;
