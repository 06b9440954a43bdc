import type * as FsPromises from "node:fs/promises";
import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Control exclusive-create opens (the store's temp writes) so a test can look
// at the store while a write is in progress or make the write fail.
const hooks = vi.hoisted(() => ({
  beforeWrite: null as null | (() => Promise<void>),
}));

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const open = async (...args: Parameters<typeof actual.open>): Promise<FileHandle> => {
    const handle = await actual.open(...args);
    if (args[1] !== "wx" || !hooks.beforeWrite) return handle;
    const hook = hooks.beforeWrite;
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = (async (data: Uint8Array) => {
      await writeFile(data.subarray(0, data.byteLength >> 1)); // half written…
      await hook(); // …then paused or crashed
      await writeFile(data.subarray(data.byteLength >> 1));
    }) as FileHandle["writeFile"];
    return handle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

const { createLocalBlobStore, TEMP_DIR_NAME } = await import("./create-local-blob-store");

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "blobs-atomic-"));
});
afterEach(async () => {
  hooks.beforeWrite = null;
  await rm(root, { recursive: true, force: true });
});

const bytes = Buffer.alloc(64 * 1024, 9);
const key = createHash("sha256").update(bytes).digest("hex");
const finalPath = () => path.join(root, key.slice(0, 2), key.slice(2, 4), key);

describe("local blob store atomicity", () => {
  it("never exposes a half-written blob under its real key", async () => {
    let release!: () => void;
    let paused!: () => void;
    const isPaused = new Promise<void>((resolve) => (paused = resolve));
    hooks.beforeWrite = () => new Promise<void>((resolve) => ((release = resolve), paused()));

    const store = createLocalBlobStore({ root });
    const putting = store.put(bytes, { contentType: "image/png" });
    await isPaused;

    expect(existsSync(finalPath())).toBe(false);
    expect(await store.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    expect(await readdir(path.join(root, TEMP_DIR_NAME))).toHaveLength(1);

    release();
    expect((await putting).created).toBe(true);
    expect(await store.get(key)).toEqual(bytes);
  });

  it("leaves nothing under the real key (and cleans its temp file) when a write fails midway", async () => {
    hooks.beforeWrite = async () => {
      throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    };
    const store = createLocalBlobStore({ root });
    await expect(store.put(bytes, { contentType: "image/png" })).rejects.toThrow(/no space/);

    expect(existsSync(finalPath())).toBe(false);
    expect(await readdir(path.join(root, TEMP_DIR_NAME))).toEqual([]);

    hooks.beforeWrite = null;
    expect((await store.put(bytes, { contentType: "image/png" })).created).toBe(true);
  });
});
