import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EMBEDDED_WAT_SOURCES, WAT_SOURCES, compileWat, embeddedPathOf, embeddedSource, wasmPathOf } from "./build-wasm";

describe("committed WebAssembly kernels", () => {
  it.each(WAT_SOURCES)("%s compiles to the committed .wasm byte for byte (else run npm run build:wasm)", async (path) => {
    const built = await compileWat(path);
    expect(Buffer.from(built).equals(readFileSync(wasmPathOf(path)))).toBe(true);
  });

  it.each(EMBEDDED_WAT_SOURCES)("%s compiles to the committed -wasm.ts byte for byte (else run npm run build:wasm)", async (path) => {
    const built = await compileWat(path);
    expect(readFileSync(embeddedPathOf(path), "utf8")).toBe(embeddedSource(path, built));
  });
});
