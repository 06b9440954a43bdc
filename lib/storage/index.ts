export type { BlobStore, ByteRange, PutBlobOptions, PutBlobResult } from "./blob-store";
export { assertBlobKey, blobKeyOf, blobRelativePath, isBlobKey } from "./blob-key";
export { createLocalBlobStore, TEMP_DIR_NAME } from "./create-local-blob-store";
export type { LocalBlobStoreOptions } from "./create-local-blob-store";
export { DEFAULT_STORAGE_DIR, getBlobStore, setBlobStoreForTesting } from "./get-blob-store";
