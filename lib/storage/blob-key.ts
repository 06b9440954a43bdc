import "server-only";

import { createHash } from "node:crypto";

const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** Whether `key` is a well-formed blob key (64 lowercase hex chars). */
export function isBlobKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/**
 * Throw unless `key` is a well-formed blob key. Keys become file paths, so
 * anything else (`../`, uppercase, short) is refused rather than resolved.
 */
export function assertBlobKey(key: string): void {
  if (isBlobKey(key)) return;
  throw new RangeError(`Invalid blob key ${JSON.stringify(key)}: expected 64 lowercase hex characters (sha256)`);
}

/** The sha256 key of some bytes. */
export function blobKeyOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Relative location of a blob: `ab/cd/<key>`. Two levels of 256 folders keep
 * each folder small even with millions of blobs.
 */
export function blobRelativePath(key: string): string {
  assertBlobKey(key);
  return `${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;
}
