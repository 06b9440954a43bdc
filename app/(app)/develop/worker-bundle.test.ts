import { build } from "esbuild";
import { describe, expect, it } from "vitest";

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
});
