import "server-only";
import type { DevelopParams } from "@/lib/develop/params";
import type { Image8 } from "@/lib/develop/pipeline/decode";
import { renderImage } from "@/lib/develop/render";
import { decodeImage } from "@/lib/imaging/decode-image";
import { computeImageStats } from "@/lib/imaging/image-stats";
import { lookOf, type Look } from "./look";

/** Long edge the heuristic roles analyse images at: small enough to render in a few ms. */
export const HEURISTIC_EDGE = 384;

/** Decodes an encoded image at the heuristic's analysis size (3-channel sRGB). */
export async function decodeForHeuristic(bytes: Uint8Array): Promise<Image8> {
  const d = await decodeImage(bytes, { maxEdge: HEURISTIC_EDGE });
  return { data: d.data, width: d.width, height: d.height, channels: d.channels };
}

/** The look of an image, optionally after rendering `params` onto it. */
export function lookOfImage(image: Image8, params?: DevelopParams): Look {
  const rendered = params && Object.keys(params).length > 0 ? renderImage({ image, params }).image : image;
  const { data } = rendered;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return lookOf(computeImageStats({ ...rendered, data: bytes }, { maxEdge: HEURISTIC_EDGE }));
}
