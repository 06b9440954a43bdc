/** One completion choice as the server returned it. */
export type RawAnswer = { content: string | null; reasoning?: string | null; finishReason?: string | null };

/** The text to parse and the reasoning, after the clean-ups every server needs. */
export type CleanAnswer = { text: string; reasoning?: string; truncated: boolean };

// GLM-4.5V wraps answers in these (zai-org/GLM-V #133).
const BOX_TOKENS = /<\|begin_of_box\|>|<\|end_of_box\|>/g;

/** Removes GLM box tokens. */
export const stripBoxTokens = (s: string) => s.replace(BOX_TOKENS, "");

/**
 * Normalises a choice: strips box tokens, and when the content is empty but
 * the reasoning field holds the answer (SGLang's glm45 parser moves the whole
 * answer there when the model skips thinking, sglang #37645), answers from it.
 */
export function cleanAnswer(a: RawAnswer): CleanAnswer {
  const content = stripBoxTokens(a.content ?? "").trim();
  const reasoning = a.reasoning ? stripBoxTokens(a.reasoning).trim() : undefined;
  const truncated = a.finishReason === "length";
  if (content === "" && reasoning) return { text: reasoning, truncated };
  return { text: content, ...(reasoning ? { reasoning } : {}), truncated };
}
