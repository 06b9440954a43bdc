import "server-only";
import { renderImage, type DevelopParams } from "@/lib/develop";
import { decodeImage, encodeImage } from "@/lib/imaging";
import { asRawImage } from "../import/as-raw-image";
import type { AnnotatorImage } from "./annotator-port";

/**
 * Long edge of the images the annotator sees: about the 512² pixel budget
 * VL trainers use (EasyR1 `min_pixels` 262144), so annotation and training
 * see the same detail, and cheap enough to annotate 12 MP sources quickly.
 */
export const ANNOTATION_PREVIEW_EDGE = 512;
const JPEG_QUALITY = 85;

/**
 * The before/after pair at preview size: the before decoded with
 * shrink-on-load, the after decoded the same way when supplied, otherwise
 * rendered from the params by the develop engine; both encoded as JPEG.
 */
export async function preparePair({
  beforeBytes,
  afterBytes,
  params,
}: {
  beforeBytes: Uint8Array;
  afterBytes?: Uint8Array | null;
  params: DevelopParams;
}): Promise<{ before: AnnotatorImage; after: AnnotatorImage }> {
  const before = await decodeImage(beforeBytes, { maxEdge: ANNOTATION_PREVIEW_EDGE });
  const after = afterBytes
    ? await decodeImage(afterBytes, { maxEdge: ANNOTATION_PREVIEW_EDGE })
    : asRawImage(renderImage({ image: before, params }).image);
  const [beforeJpeg, afterJpeg] = await Promise.all([
    encodeImage(before, { format: "jpeg", quality: JPEG_QUALITY }),
    encodeImage(after, { format: "jpeg", quality: JPEG_QUALITY }),
  ]);
  return {
    before: { pixels: before, jpeg: new Uint8Array(beforeJpeg) },
    after: { pixels: after, jpeg: new Uint8Array(afterJpeg) },
  };
}
