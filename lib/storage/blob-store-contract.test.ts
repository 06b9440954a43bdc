import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BlobStore } from "./blob-store";
import { createLocalBlobStore } from "./create-local-blob-store";
import { createS3BlobStore } from "./create-s3-blob-store";

// The same contract for every BlobStore: the local folder and S3 over the
// wire (s3rver, an S3-compatible server on loopback).
let s3rver: S3rver;
let s3Endpoint = "";
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), "riq-contract-"));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  s3rver = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: tmp(),
    configureBuckets: [{ name: "riq-test", configs: [] }],
  });
  const { address, port } = (await s3rver.run()) as { address: string; port: number };
  s3Endpoint = `http://${address}:${port}`;
});
afterAll(async () => {
  await s3rver.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const STORES: [string, () => BlobStore][] = [
  ["local", () => createLocalBlobStore({ root: tmp() })],
  [
    "s3",
    () =>
      createS3BlobStore({
        bucket: "riq-test",
        prefix: `t${Date.now()}${Math.random().toString(36).slice(2)}/`,
        endpoint: s3Endpoint,
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
      }),
  ],
];
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const read = async (s: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
};

describe.each(STORES)("BlobStore contract: %s", (_name, make) => {
  it("stores bytes under their sha256 and reads them back whole, by range and by size", async () => {
    const store = make();
    const bytes = Buffer.from(Array.from({ length: 100_000 }, (_, i) => i % 251));
    const put = await store.put(bytes, { contentType: "application/octet-stream" });
    expect(put).toEqual({ key: sha256(bytes), size: bytes.length, created: true });
    expect(await store.get(put.key)).toEqual(bytes);
    expect(await store.has(put.key)).toBe(true);
    expect(await store.size(put.key)).toBe(bytes.length);
    expect(await read((await store.stream(put.key))!)).toEqual(bytes);
    expect(await read((await store.stream(put.key, { start: 1000, end: 1999 }))!)).toEqual(bytes.subarray(1000, 2000));
  });

  it("answers missing blobs with null/false, and deletes once", async () => {
    const store = make();
    const missing = sha256(Buffer.from(`never ${Math.random()}`));
    expect(await store.get(missing)).toBeNull();
    expect(await store.has(missing)).toBe(false);
    expect(await store.size(missing)).toBeNull();
    expect(await store.stream(missing)).toBeNull();
    expect(await store.delete(missing)).toBe(false);
    const { key } = await store.put(Buffer.from("to delete"), { contentType: "text/plain" });
    expect(await store.delete(key)).toBe(true);
    expect(await store.has(key)).toBe(false);
  });

  it("is idempotent: the same bytes twice are stored once", async () => {
    const store = make();
    const bytes = Buffer.from(`same ${Math.random()}`);
    const first = await store.put(bytes, { contentType: "text/plain" });
    expect(await store.put(bytes, { contentType: "text/plain" })).toEqual({ ...first, created: false });
    const together = await Promise.all(Array.from({ length: 4 }, () => store.put(Buffer.from(`${bytes}!`), { contentType: "text/plain" })));
    expect(new Set(together.map((r) => r.key)).size).toBe(1);
    expect(await store.get(together[0].key)).toEqual(Buffer.from(`${bytes}!`));
  });

  it("refuses keys that are not sha256 hex", async () => {
    const store = make();
    await expect(store.get("../../etc/passwd")).rejects.toThrow(/Invalid blob key/);
    await expect(store.has("ABC")).rejects.toThrow(/Invalid blob key/);
  });
});

describe("S3 signed URLs", () => {
  it("give a training job a time-limited URL that fetches the blob without the store's credentials", async () => {
    const store = createS3BlobStore({ bucket: "riq-test", endpoint: s3Endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
    const bytes = Buffer.from(`export file ${Math.random()}`);
    const { key } = await store.put(bytes, { contentType: "application/jsonl" });
    const url = await store.signedUrl(key, { expiresInS: 600 });
    expect(url).toMatch(/X-Amz-Signature=/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    // s3rver does not verify signatures, so only the URL's terms are checked here; AWS/MinIO enforce them.
    const params = new URL(url).searchParams;
    expect(params.get("X-Amz-Expires")).toBe("600");
    expect(params.get("X-Amz-Credential")).toMatch(/^S3RVER\//);
  });
});
