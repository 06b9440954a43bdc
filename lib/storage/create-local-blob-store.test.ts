import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createLocalBlobStore, getBlobStore, setBlobStoreForTesting, TEMP_DIR_NAME } from "./index";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "blobs-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("createLocalBlobStore", () => {
  it("stores bytes under their sha256 at ab/cd/<key> and reads them back", async () => {
    const store = createLocalBlobStore({ root });
    const bytes = Buffer.from("hello blob");
    const result = await store.put(bytes, { contentType: "text/plain" });

    const key = sha256(bytes);
    expect(result).toEqual({ key, size: bytes.length, created: true });
    expect(await readFile(path.join(root, key.slice(0, 2), key.slice(2, 4), key))).toEqual(bytes);
    expect(await store.get(key)).toEqual(bytes);
    expect(store.pathFor?.(key)).toBe(path.join(root, key.slice(0, 2), key.slice(2, 4), key));
  });

  it("answers has/get/delete/stream for missing and present blobs", async () => {
    const store = createLocalBlobStore({ root });
    const missing = sha256(Buffer.from("never stored"));
    expect(await store.has(missing)).toBe(false);
    expect(await store.get(missing)).toBeNull();
    expect(await store.stream(missing)).toBeNull();
    expect(await store.delete(missing)).toBe(false);

    const bytes = Buffer.alloc(200_000, 7);
    const { key } = await store.put(bytes, { contentType: "application/octet-stream" });
    expect(await store.has(key)).toBe(true);

    const chunks: Buffer[] = [];
    for await (const chunk of (await store.stream(key))!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(bytes);

    expect(await store.delete(key)).toBe(true);
    expect(await store.has(key)).toBe(false);
  });

  it("is idempotent: a second put of the same bytes reports created: false", async () => {
    const store = createLocalBlobStore({ root });
    const bytes = Buffer.from("same bytes");
    const first = await store.put(bytes, { contentType: "text/plain" });
    const second = await store.put(bytes, { contentType: "text/plain" });
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    expect(await store.get(first.key)).toEqual(bytes);
  });

  it("lets concurrent puts of the same content create it exactly once and leaves no temp files", async () => {
    const store = createLocalBlobStore({ root });
    const bytes = Buffer.alloc(300_000, 42);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes, { contentType: "image/jpeg" })));

    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await store.get(results[0].key)).toEqual(bytes);
    expect(await readdir(path.join(root, TEMP_DIR_NAME))).toEqual([]);
  });

  it("refuses keys that are not sha256 hex, so a key can never escape the root", async () => {
    const store = createLocalBlobStore({ root });
    await expect(store.get("../../etc/passwd")).rejects.toThrow(/Invalid blob key/);
    await expect(store.has("ABC")).rejects.toThrow(/Invalid blob key/);
  });
});

describe("getBlobStore", () => {
  afterEach(() => {
    setBlobStoreForTesting(null);
    delete process.env.STORAGE_DIR;
  });

  it("writes under STORAGE_DIR", async () => {
    process.env.STORAGE_DIR = root;
    setBlobStoreForTesting(null);
    const { key } = await getBlobStore().put(Buffer.from("env"), { contentType: "text/plain" });
    expect(existsSync(path.join(root, key.slice(0, 2), key.slice(2, 4), key))).toBe(true);
    expect(getBlobStore()).toBe(getBlobStore());
  });
});
