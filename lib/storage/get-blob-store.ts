import "server-only";

import type { BlobStore } from "./blob-store";
import { createLocalBlobStore } from "./create-local-blob-store";

/** Where blobs go when `STORAGE_DIR` is unset (relative to the working directory). */
export const DEFAULT_STORAGE_DIR = "./data/blobs";

let instance: BlobStore | null = null;

/**
 * The process-wide blob store: a local store rooted at `STORAGE_DIR`
 * (default `./data/blobs`). When an S3 store exists, this is where the choice
 * between them will be made from env, so callers never change.
 */
export function getBlobStore(): BlobStore {
  instance ??= createLocalBlobStore({ root: process.env.STORAGE_DIR || DEFAULT_STORAGE_DIR });
  return instance;
}

/** Replace (or with `null`, reset) the singleton — for tests and scripts only. */
export function setBlobStoreForTesting(store: BlobStore | null): void {
  instance = store;
}
