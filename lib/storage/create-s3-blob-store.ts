import "server-only";

import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

import { assertBlobKey, blobKeyOf, blobRelativePath } from "./blob-key";
import type { BlobStore, ByteRange, PutBlobOptions, PutBlobResult } from "./blob-store";

/** Options for {@link createS3BlobStore}; `fromEnv` reads them from `S3_*` variables. */
export type S3BlobStoreOptions = {
  bucket: string;
  /** Key prefix inside the bucket, e.g. `blobs/` (default none). */
  prefix?: string;
  /** Custom endpoint (MinIO, R2, a loopback server); AWS when unset. */
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (`endpoint/bucket/key`): what MinIO and most self-hosted servers need. */
  forcePathStyle?: boolean;
};

const isMissing = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
};

/**
 * A {@link BlobStore} on S3-compatible object storage (AWS S3, MinIO, R2):
 * blob `<sha256>` is object `<prefix>ab/cd/<sha256>`. `put` asks HeadObject
 * first and writes only missing blobs, with `x-amz-checksum-sha256` so the
 * server verifies the bytes; object writes are atomic, so no temp object is
 * needed. `signedUrl` gives training jobs time-limited GET URLs instead of
 * local paths.
 */
export function createS3BlobStore(
  o: S3BlobStoreOptions,
): BlobStore & { signedUrl(key: string, opts?: { expiresInS?: number }): Promise<string> } {
  const config: S3ClientConfig = {
    region: o.region ?? "us-east-1",
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    forcePathStyle: o.forcePathStyle ?? !!o.endpoint,
    ...(o.accessKeyId && o.secretAccessKey ? { credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } } : {}),
  };
  const client = new S3Client(config);
  const Bucket = o.bucket;
  const objectKey = (key: string) => `${o.prefix ?? ""}${blobRelativePath(key)}`;

  async function head(key: string) {
    try {
      return await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async function put(bytes: Uint8Array, { contentType }: PutBlobOptions): Promise<PutBlobResult> {
    const key = blobKeyOf(bytes);
    if (await head(key)) return { key, size: bytes.byteLength, created: false };
    try {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.byteLength,
          ChecksumSHA256: createHash("sha256").update(bytes).digest("base64"),
          // Conditional write: of concurrent puts of the same blob, one creates it (servers without it just overwrite identical bytes).
          IfNoneMatch: "*",
        }),
      );
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 412 || status === 409) return { key, size: bytes.byteLength, created: false };
      throw e;
    }
    return { key, size: bytes.byteLength, created: true };
  }

  async function getObject(key: string, range?: ByteRange) {
    assertBlobKey(key);
    try {
      return await client.send(
        new GetObjectCommand({ Bucket, Key: objectKey(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
      );
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  return {
    put,
    async get(key) {
      const out = await getObject(key);
      return out?.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
    },
    async has(key) {
      assertBlobKey(key);
      return (await head(key)) !== null;
    },
    async delete(key) {
      assertBlobKey(key);
      if (!(await head(key))) return false;
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
      return true;
    },
    async stream(key, range) {
      const out = await getObject(key, range);
      if (!out?.Body) return null;
      return out.Body instanceof Readable ? out.Body : Readable.fromWeb(out.Body.transformToWebStream() as never);
    },
    async size(key) {
      assertBlobKey(key);
      return (await head(key))?.ContentLength ?? null;
    },
    async signedUrl(key, { expiresInS = 3600 } = {}) {
      assertBlobKey(key);
      return getSignedUrl(client, new GetObjectCommand({ Bucket, Key: objectKey(key) }), { expiresIn: expiresInS });
    },
  };
}

/** S3 options from env: `S3_BUCKET` (required), `S3_ENDPOINT`, `S3_REGION`, `S3_PREFIX`, `S3_ACCESS_KEY_ID`, `S3_SECRET_ACCESS_KEY`, `S3_FORCE_PATH_STYLE`. */
export function s3OptionsFromEnv(env: NodeJS.ProcessEnv = process.env): S3BlobStoreOptions {
  if (!env.S3_BUCKET) throw new Error("STORAGE_BACKEND=s3 needs S3_BUCKET");
  return {
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || undefined,
    prefix: env.S3_PREFIX || undefined,
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === "true" : undefined,
  };
}
