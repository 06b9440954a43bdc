import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// The Develop page's own script is parsed before it hydrates and starts the preview: the edit
// parser (normaliser, mask schemas: zod, jsonrepair) stays on the server, and the JarvisArt/XMP
// writers come in a chunk of their own, fetched once the page is idle (develop-actions.tsx).
describe("the develop page's client bundle", () => {
  it("leaves zod, jsonrepair and the XMP and JarvisArt writers out of the script the page runs first", async () => {
    const result = await build({
      entryPoints: ["app/(app)/develop/develop-view.tsx"],
      bundle: true,
      splitting: true,
      format: "esm",
      outdir: "/nonexistent",
      write: false,
      metafile: true,
      jsx: "automatic",
      alias: { "@": "." },
      // The framework, and server actions (their client side is a reference Next.js generates).
      external: ["react", "react-dom", "react/*", "next", "next/*"],
      plugins: [{ name: "server-actions", setup: (b) => b.onResolve({ filter: /\/actions$/ }, (a) => ({ path: a.path, external: true })) }],
      logLevel: "silent",
    });
    const outputs = Object.entries(result.metafile.outputs);
    const [, entry] = outputs.find(([, o]) => o.entryPoint === "app/(app)/develop/develop-view.tsx")!;
    const first = Object.keys(entry.inputs);
    expect(first).toContain("lib/edits/serialize-retouchiq.ts");
    expect(
      first.filter((p) => /node_modules\/(zod|jsonrepair)\//.test(p) || /lib\/develop\/xmp\/|jarvisart-format|correction-schemas/.test(p)),
    ).toEqual([]);
    const lazy = outputs.filter(([, o]) => Object.keys(o.inputs).includes("app/(app)/develop/edit-writers.ts"));
    expect(lazy).toHaveLength(1);
    expect(Object.keys(lazy[0][1].inputs).some((p) => p.startsWith("lib/develop/xmp/"))).toBe(true);
  });
});
