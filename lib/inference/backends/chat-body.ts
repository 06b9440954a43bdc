import "server-only";
import { Lru } from "./lru";

// The JSON text of an image part, by URL: a data: URL of a 256×256-class JPEG
// is tens of KB that would otherwise be escaped and UTF-8 encoded again on
// every call, while a judge batch or a rollout shows one image many times.
const imagePartBytes = new Lru<string, Buffer>(64);

function imagePart(url: string): Buffer {
  let bytes = imagePartBytes.get(url);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify({ type: "image_url", image_url: { url } }));
    imagePartBytes.set(url, bytes);
  }
  return bytes;
}

/**
 * The bytes of a `/v1/chat/completions` request body: the request's own
 * fields (`extraBody` first, so the fields set here win), a system message,
 * and a user message whose content is the text part followed by one
 * `image_url` part per image. Identical to `JSON.stringify` of that object;
 * only the image parts come from a cache of their encoded form.
 */
export function encodeChatBody({
  fields,
  system,
  user,
  imageUrls,
}: {
  fields: Record<string, unknown>;
  system: string;
  user: string;
  imageUrls: string[];
}): Buffer {
  const { messages: _ignored, ...rest } = fields;
  const head = JSON.stringify(rest);
  const opening = `${head.length > 2 ? `${head.slice(0, -1)},` : "{"}"messages":[{"role":"system","content":${JSON.stringify(system)}},{"role":"user","content":[{"type":"text","text":${JSON.stringify(user)}}`;
  const parts: Buffer[] = [Buffer.from(opening)];
  for (const url of imageUrls) parts.push(COMMA, imagePart(url));
  parts.push(CLOSING);
  return Buffer.concat(parts);
}

const COMMA = Buffer.from(",");
const CLOSING = Buffer.from("]}]}");
