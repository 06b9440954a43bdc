import "server-only";
import { AppError } from "@/lib/errors";
import { sha256Hex } from "@/lib/imaging/content-hash";
import { getBlobStore } from "@/lib/storage";
import type { ImageRef } from "../roles/refs";

/** The sha256 of an image reference (computed for raw bytes). */
export const refSha = (ref: ImageRef): string => ("sha256" in ref ? ref.sha256 : sha256Hex(ref.bytes));

/** The encoded bytes of an image reference; a missing stored image is NOT_FOUND. */
export async function loadImageBytes(ref: ImageRef): Promise<Uint8Array> {
  if ("bytes" in ref) return ref.bytes;
  const blob = await getBlobStore().get(ref.sha256);
  if (!blob) throw new AppError("NOT_FOUND", `No stored image ${ref.sha256}`);
  return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}
