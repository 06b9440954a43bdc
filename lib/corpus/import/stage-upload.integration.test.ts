import { existsSync, readdirSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { stageUpload } from "./stage-upload";

const bytes = new TextEncoder().encode("not really a photo");
const staging = mkdtempSync(join(tmpdir(), "riq-staging-test-"));

describe("web import staging refusals", () => {
  let ctx: ReturnType<typeof createContext>;
  beforeAll(async () => {
    process.env.IMPORT_STAGING_DIR = staging;
    ctx = createContext({ actor: await makeActor("researcher") });
  });

  it.each([
    [
      [
        { path: "shoot", bytes },
        { path: "shoot/a.jpg", bytes },
      ],
      /shoot is both a file and a folder/,
    ],
    [
      [
        { path: "a.jpg", bytes },
        { path: "a.jpg", bytes },
      ],
      /a.jpg appears twice/,
    ],
    [[{ path: "a\0.jpg", bytes }], /NUL/],
    [[{ path: "a\\..\\b.jpg", bytes }], /relative paths only/],
    [[{ path: `${"n".repeat(300)}.jpg`, bytes }], /at most 255 bytes/],
  ])("refuses overlapping or unsafe paths with a message (%#)", async (files, message) => {
    await expect(stageUpload({ ctx, input: { files } })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(message),
    });
  });

  it("removes the staging folder when the import is refused after its files were written", async () => {
    const long = `d/${"x".repeat(220)}.jsonl`; // fine on disk, but too long for the import's source name
    await expect(stageUpload({ ctx, input: { files: [{ path: long, bytes }] } })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(readdirSync(staging)).toEqual([]);
  });

  it("refuses files said to be staged outside the staging folder", async () => {
    await expect(stageUpload({ ctx, input: { files: [{ path: "a.jpg", stagedAt: "/etc/passwd" }] } })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/not staged by this server/),
    });
    expect(existsSync("/etc/passwd")).toBe(true);
    expect(readdirSync(staging)).toEqual([]);
  });
});
