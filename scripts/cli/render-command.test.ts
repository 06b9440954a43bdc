import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "retouch-cli-"));
const retouch = (...args: string[]) => spawnSync(process.execPath, ["bin/retouch.mjs", "render", ...args], { encoding: "utf8" });
const meanLuma = async (path: string) => (await sharp(path).greyscale().stats()).channels[0].mean;

describe("retouch render (CLI)", () => {
  it("renders RetouchIQ edit text onto a photo and reports applied and unknown keys as JSON", async () => {
    const out = join(dir, "bright.jpg");
    const res = retouch("--in", "public/samples/coffee.jpg", "--params", "{exposure=+1; contrast=20; sparkle=5}", "--out", out, "--json");
    expect(res.status).toBe(0);
    const summary = JSON.parse(res.stdout);
    expect(summary.applied).toEqual(expect.arrayContaining(["Exposure2012", "Contrast2012"]));
    expect(summary.issues).toEqual([expect.objectContaining({ key: "sparkle", code: "unknown_key" })]);
    expect(await meanLuma(out)).toBeGreaterThan((await meanLuma("public/samples/coffee.jpg")) + 20);
  });

  it("renders an XMP sidecar and lists what it could not render", () => {
    const out = join(dir, "sky.png");
    const res = retouch(
      "--in",
      "public/samples/rocket-launch.jpg",
      "--xmp",
      "lib/develop/fixtures/xmp/ai-sky-mask.xmp",
      "--out",
      out,
      "--json",
    );
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).notRendered.length).toBeGreaterThan(0);
  });

  it("fails clearly on a file that is not an image, and on bad usage", () => {
    const notes = join(dir, "notes.jpg");
    writeFileSync(notes, "not a photo");
    const bad = retouch("--in", notes, "--params", "{exposure=1}", "--out", join(dir, "x.jpg"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Not an image/);
    const usage = retouch("--in", notes, "--out", join(dir, "x.gif"), "--params", "{}");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unsupported output extension/);
  });
});
