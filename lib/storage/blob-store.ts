import type { Readable } from "node:stream";

/** Options for {@link BlobStore.put}. */
export type PutBlobOptions = {
  /**
   * MIME type of the bytes (`image/jpeg`, `image/webp`, …). An S3 store sends
   * it as `Content-Type`; the local store does not persist it, because the
   * `images` table already records each blob's format.
   */
  contentType: string;
};

/** An inclusive byte range, as in `Range: bytes=start-end`. */
export type ByteRange = { start: number; end: number };

/** What {@link BlobStore.put} reports. */
export type PutBlobResult = {
  /** Lowercase hex sha256 of the bytes: the blob's key. */
  key: string;
  /** Byte length. */
  size: number;
  /** `false` when a blob with this key already existed (idempotent put). */
  created: boolean;
};

/**
 * Content-addressed blob store: a blob's key is the sha256 of its bytes, so
 * the same bytes are stored once and a key always names the same bytes.
 *
 * Implementations:
 * - local folder: {@link createLocalBlobStore} (the default, `STORAGE_DIR`);
 * - S3-compatible (planned, not built): same contract, object key
 *   `ab/cd/<sha256>` under a bucket prefix; `put` does `HeadObject` first and
 *   `PutObject` with `Content-Type` and `x-amz-checksum-sha256` only when
 *   missing (S3 object writes are atomic, so no temp file is needed);
 *   `stream` wraps `GetObject`'s body; `pathFor` is absent.
 *
 * Callers must not assume `pathFor` exists: read through `get`/`stream`.
 */
export type BlobStore = {
  /** Store bytes under their sha256; a no-op (created: false) if already stored. */
  put(bytes: Uint8Array, options: PutBlobOptions): Promise<PutBlobResult>;
  /** The blob's bytes, or `null` when no blob has this key. */
  get(key: string): Promise<Buffer | null>;
  /** Whether a blob with this key is stored. */
  has(key: string): Promise<boolean>;
  /** Remove a blob; `false` when there was none. */
  delete(key: string): Promise<boolean>;
  /**
   * A readable stream of the blob (or of bytes `start`..`end` inclusive, as in
   * an HTTP Range), or `null` when no blob has this key.
   */
  stream(key: string, range?: ByteRange): Promise<Readable | null>;
  /** The blob's byte size, or `null` when no blob has this key. */
  size(key: string): Promise<number | null>;
  /** Local filesystem path of a blob (local store only), e.g. to hand to sharp. */
  pathFor?(key: string): string;
};
