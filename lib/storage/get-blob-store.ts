import "server-only";

import type { BlobStore } from "./blob-store";
import { createLocalBlobStore } from "./create-local-blob-store";
import { createS3BlobStore, s3OptionsFromEnv } from "./create-s3-blob-store";

/** Where blobs go when `STORAGE_DIR` is unset (relative to the working directory). */
export const DEFAULT_STORAGE_DIR = "./data/blobs";

let instance: BlobStore | null = null;

/**
 * The process-wide blob store, chosen by `STORAGE_BACKEND`: `local` (the
 * default) roots it at `STORAGE_DIR` (default `./data/blobs`); `s3` uses
 * S3-compatible storage from the `S3_*` variables, so web, workers and GPU
 * nodes on different machines share images and exports.
 */
export function getBlobStore(): BlobStore {
  instance ??=
    process.env.STORAGE_BACKEND === "s3"
      ? createS3BlobStore(s3OptionsFromEnv())
      : createLocalBlobStore({ root: process.env.STORAGE_DIR || DEFAULT_STORAGE_DIR });
  return instance;
}

/** Replace (or with `null`, reset) the singleton — for tests and scripts only. */
export function setBlobStoreForTesting(store: BlobStore | null): void {
  instance = store;
}
