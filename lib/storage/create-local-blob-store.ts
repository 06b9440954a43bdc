import "server-only";

import { randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";

import { blobKeyOf, blobRelativePath } from "./blob-key";
import type { BlobStore, ByteRange, PutBlobResult } from "./blob-store";

/** Options for {@link createLocalBlobStore}. */
export type LocalBlobStoreOptions = {
  /** Folder holding the blobs; created on first write. */
  root: string;
};

/** Name of the folder under `root` where writes are staged before publishing. */
export const TEMP_DIR_NAME = ".tmp";

/**
 * A {@link BlobStore} on the local filesystem: blob `<sha256>` lives at
 * `root/ab/cd/<sha256>`.
 *
 * Writes go to `root/.tmp/` first, are fsynced, then published under the real
 * key with a hard link (fails if the key exists, so exactly one of several
 * concurrent puts of the same bytes reports `created: true`), falling back to
 * rename where links are unsupported. A crash mid-write therefore leaves at
 * most a stray file in `.tmp/`, never a partial blob under a real key.
 */
export function createLocalBlobStore({ root }: LocalBlobStoreOptions): BlobStore {
  const absRoot = path.resolve(root);
  const tempDir = path.join(absRoot, TEMP_DIR_NAME);
  const pathFor = (key: string) => path.join(absRoot, blobRelativePath(key));

  async function put(bytes: Uint8Array): Promise<PutBlobResult> {
    const key = blobKeyOf(bytes);
    const finalPath = pathFor(key);
    const size = bytes.byteLength;
    if (await exists(finalPath)) return { key, size, created: false };

    await mkdir(tempDir, { recursive: true });
    await mkdir(path.dirname(finalPath), { recursive: true });
    const tempPath = path.join(tempDir, `${key}.${process.pid}.${randomBytes(6).toString("hex")}`);
    try {
      await writeDurably(tempPath, bytes);
      const created = await publish(tempPath, finalPath);
      return { key, size, created };
    } finally {
      await unlink(tempPath).catch(ignoreMissing);
    }
  }

  async function get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(pathFor(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function has(key: string): Promise<boolean> {
    return exists(pathFor(key));
  }

  async function remove(key: string): Promise<boolean> {
    try {
      await unlink(pathFor(key));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async function stream(key: string, range?: ByteRange) {
    // Open first so a missing blob is a null, not an error event later.
    try {
      const handle = await open(pathFor(key), "r");
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {}); // autoClose: closes the handle at end or on destroy
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function size(key: string): Promise<number | null> {
    try {
      return (await stat(pathFor(key))).size;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return { put, get, has, delete: remove, stream, size, pathFor };
}

async function writeDurably(filePath: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(filePath, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Publish a finished temp file under its final name; `false` if it was already there. */
async function publish(tempPath: string, finalPath: string): Promise<boolean> {
  try {
    await link(tempPath, finalPath);
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"].includes(errorCode(error) ?? "")) throw error;
  }
  // No hard links here (some network/FUSE filesystems): rename is still atomic,
  // it just cannot tell a concurrent writer of the same bytes apart.
  const existed = await exists(finalPath);
  await rename(tempPath, finalPath);
  return !existed;
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

function isMissing(error: unknown): boolean {
  return errorCode(error) === "ENOENT";
}

function ignoreMissing(error: unknown): void {
  if (!isMissing(error)) throw error;
}
