import { describe, expect, it } from "vitest";
import { encodeChatBody } from "./chat-body";

const expected = (fields: Record<string, unknown>, system: string, user: string, imageUrls: string[]) => ({
  ...fields,
  messages: [
    { role: "system", content: system },
    { role: "user", content: [{ type: "text", text: user }, ...imageUrls.map((url) => ({ type: "image_url", image_url: { url } }))] },
  ],
});

describe("encodeChatBody", () => {
  it("encodes the same JSON as JSON.stringify of the request, escapes included", () => {
    const fields = { chat_template_kwargs: { enable_thinking: false }, model: "qwen", temperature: 0, max_tokens: 512, n: 4 };
    const system = 'You are a "retoucher".\nAnswer in <think> tags.';
    const user = "make it warmer \u0000 \u2028 ☀️ \\ end";
    const urls = ["data:image/jpeg;base64,/9j/4AAQ", "file:///var/blobs/ab/cd"];
    const body = encodeChatBody({ fields, system, user, imageUrls: urls });
    expect(body.toString("utf8")).toBe(JSON.stringify(expected(fields, system, user, urls)));
    expect(JSON.parse(body.toString("utf8"))).toEqual(expected(fields, system, user, urls));
  });

  it("gives the same bytes when an image part comes from its cache", () => {
    const url = `data:image/jpeg;base64,${"A".repeat(40_000)}`;
    const first = encodeChatBody({ fields: { model: "m" }, system: "s", user: "u1", imageUrls: [url] });
    const second = encodeChatBody({ fields: { model: "m" }, system: "s", user: "u2", imageUrls: [url, url] });
    expect(JSON.parse(first.toString())).toEqual(expected({ model: "m" }, "s", "u1", [url]));
    expect(JSON.parse(second.toString())).toEqual(expected({ model: "m" }, "s", "u2", [url, url]));
  });

  it("never sends a messages field of extraBody, and works without images or other fields", () => {
    const body = encodeChatBody({ fields: { messages: "injected" }, system: "s", user: "u", imageUrls: [] });
    expect(JSON.parse(body.toString())).toEqual(expected({}, "s", "u", []));
  });
});
