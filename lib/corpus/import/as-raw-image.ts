import type { Image8 } from "@/lib/develop";
import type { RawImage } from "@/lib/imaging";

/** The develop engine's output viewed as imaging's RawImage (a clamped array shares its bytes, no copy). */
export function asRawImage(image: Image8): RawImage {
  const { data } = image;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { data: bytes, width: image.width, height: image.height, channels: image.channels as RawImage["channels"] };
}
