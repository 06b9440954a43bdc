import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { buildDevelopPreviewAssets, HASHED_ASSET, PREVIEW_ASSETS_PATH } from "@/scripts/build/develop-preview-assets";

// The preview worker is fetched, parsed and compiled before the first frame of every Develop
// page: it carries the render engine only, not what validates or parses edits (zod, the XMP parser).
describe("the develop preview worker bundle", () => {
  it("holds the engine without zod or the XML parser, in under 100 KB minified", async () => {
    const result = await build({
      entryPoints: ["app/(app)/develop/develop.worker.ts"],
      bundle: true,
      format: "esm",
      minify: true,
      write: false,
      metafile: true,
      alias: { "@": "." },
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.startsWith("lib/develop/pipeline/"))).toBe(true);
    expect(inputs.filter((p) => p.includes("node_modules/"))).toEqual([]);
    expect(result.outputFiles[0].contents.length).toBeLessThan(100_000);
  });

  it("is written to public/_develop under a hashed name, with the boot script that starts it, as classic scripts", async () => {
    const root = mkdtempSync(join(tmpdir(), "riq-preview-assets-"));
    try {
      for (const dir of ["app", "lib", "node_modules"]) symlinkSync(join(process.cwd(), dir), join(root, dir));
      const { workerUrl, bootUrl } = await buildDevelopPreviewAssets({ root });
      const [workerName, bootName] = [workerUrl, bootUrl].map((url) => url.replace(`${PREVIEW_ASSETS_PATH}/`, ""));
      expect(workerName).toMatch(/^preview-worker\./);
      expect(bootName).toMatch(/^preview-boot\./);
      for (const name of [workerName, bootName]) expect(name).toMatch(HASHED_ASSET);
      const worker = readFileSync(join(root, "public", PREVIEW_ASSETS_PATH, workerName), "utf8");
      const bootScript = readFileSync(join(root, "public", PREVIEW_ASSETS_PATH, bootName), "utf8");
      expect(worker.length).toBeLessThan(100_000);
      for (const code of [worker, bootScript]) expect(code).not.toMatch(/^\s*(import|export)\s/m); // no module syntax
      expect(worker).toMatch(/postMessage/);
      expect(bootScript).toContain(JSON.stringify(workerUrl));
      expect(bootScript.length).toBeLessThan(10_000);
      // A second build of the same code keeps the names; nothing else is left beside the two files.
      expect(await buildDevelopPreviewAssets({ root })).toEqual({ workerUrl, bootUrl });
      expect(readdirSync(join(root, "public", PREVIEW_ASSETS_PATH)).sort()).toEqual([workerName, bootName].sort());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
