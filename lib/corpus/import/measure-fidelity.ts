import "server-only";
import { renderImage, type DevelopParams } from "@/lib/develop";
import { asRawImage } from "./as-raw-image";
import { meanDeltaE76, pixelErrors, resizeToMatch, type DecodedImage } from "@/lib/imaging";

/**
 * Long edge at which the engine's render is compared with a supplied after
 * image: enough to see tone and colour errors, cheap enough for 12 MP
 * sources (both sides are decoded with shrink-on-load).
 */
export const FIDELITY_MAX_EDGE = 1024;

/** How close the develop engine's render of `params` comes to the supplied after image. */
export async function measureFidelity({ before, after, params }: { before: DecodedImage; after: DecodedImage; params: DevelopParams }) {
  const image = asRawImage(renderImage({ image: before, params }).image);
  const reference = await resizeToMatch({ image: after, width: image.width, height: image.height });
  const { l1 } = pixelErrors({ edited: image, reference });
  return { l1, deltaE: meanDeltaE76({ edited: image, reference }) };
}
