import "server-only";
import { createHash } from "node:crypto";
import { canonicalParams } from "@/lib/develop/params";
import { renderImage } from "@/lib/develop/render";
import { decodeImage } from "@/lib/imaging/decode-image";
import { encodeImage } from "@/lib/imaging/encode-image";
import { probeImage } from "@/lib/imaging/probe-image";
import { getBlobStore } from "@/lib/storage";
import type { ModelConfig } from "../models/model-config";
import type { ImageRef, Visual } from "../roles/refs";
import { loadImageBytes, refSha } from "./load-image-bytes";
import { Lru } from "./lru";

// Encoded images are cached by (visual, pixel budget, transport): a judge or
// reward batch shows the same source image many times.
const cache = new Lru<string, Promise<string>>(64);

/** A stable key of a visual (for caching and the call log). */
export function visualKey(v: Visual): string {
  if (v.kind === "image") return `image:${refSha(v.ref)}`;
  const params = createHash("sha256").update(canonicalParams(v.params)).digest("hex").slice(0, 16);
  return `render:${refSha(v.source)}:${params}`;
}

/** The URL (data:, file:// or http(s)) the model's server reads each visual from. */
export function prepareImageUrls(model: ModelConfig, visuals: Visual[]): Promise<string[]> {
  return Promise.all(
    visuals.map((v) => {
      const key = `${visualKey(v)}|${model.pixelBudget}|${model.imageTransport}|${model.imageUrlTemplate ?? ""}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = prepareOne(model, v);
        hit.catch(() => cache.delete(key)); // a failure is not cached
        cache.set(key, hit);
      }
      return hit;
    }),
  );
}

async function prepareOne(model: ModelConfig, v: Visual): Promise<string> {
  // A stored original can be handed over by reference when the server reads the store itself.
  if (v.kind === "image" && "sha256" in v.ref && model.imageTransport !== "data") return urlFor(model, v.ref.sha256);
  const jpeg = await encodeWithinBudget(v, model.pixelBudget);
  if (model.imageTransport === "data") return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
  const { key } = await getBlobStore().put(jpeg, { contentType: "image/jpeg" });
  return urlFor(model, key);
}

function urlFor(model: ModelConfig, sha256: string): string {
  if (model.imageTransport === "http-url") {
    if (!model.imageUrlTemplate?.includes("{sha256}"))
      throw new Error(`model ${model.name}: http-url transport needs an image URL template with {sha256}`);
    return model.imageUrlTemplate.replace("{sha256}", sha256);
  }
  const path = getBlobStore().pathFor?.(sha256);
  if (!path) throw new Error("file-url transport needs a local blob store");
  return `file://${path}`;
}

async function encodeWithinBudget(v: Visual, pixelBudget: number): Promise<Buffer> {
  const ref: ImageRef = v.kind === "image" ? v.ref : v.source;
  const bytes = await loadImageBytes(ref);
  const { width, height } = await probeImage(bytes);
  const scale = Math.min(1, Math.sqrt(pixelBudget / (width * height)));
  const maxEdge = Math.max(1, Math.floor(Math.max(width, height) * scale));
  const img = await decodeImage(bytes, { maxEdge });
  const out = v.kind === "render" ? renderImage({ image: { ...img, channels: img.channels }, params: v.params }).image : img;
  const data = out.data instanceof Uint8Array ? out.data : new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
  return encodeImage({ data, width: out.width, height: out.height, channels: out.channels }, { format: "jpeg", quality: 90 });
}
