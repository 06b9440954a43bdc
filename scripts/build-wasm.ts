// `npm run build:wasm` — compile the hand-written WebAssembly kernels (.wat) to the .wasm
// files committed beside them. wabt is a devDependency: production only reads the .wasm.
// scripts/build-wasm.test.ts recompiles each and fails when a committed .wasm has drifted.
import { readFileSync, writeFileSync } from "node:fs";
import wabt from "wabt";

/** The kernels, as paths from the repository root. */
export const WAT_SOURCES = ["lib/imaging/ssim-kernel.wat"];

/** The .wasm bytes of one .wat file (SIMD on; no debug names, so the bytes depend only on the source). */
export async function compileWat(path: string): Promise<Uint8Array> {
  const parsed = (await wabt()).parseWat(path, readFileSync(path, "utf8"), { simd: true });
  try {
    parsed.validate();
    return parsed.toBinary({ canonicalize_lebs: true, write_debug_names: false }).buffer;
  } finally {
    parsed.destroy();
  }
}

export const wasmPathOf = (watPath: string) => watPath.replace(/\.wat$/, ".wasm");

if (process.argv[1]?.endsWith("build-wasm.ts")) {
  for (const path of WAT_SOURCES) {
    const bytes = await compileWat(path);
    writeFileSync(wasmPathOf(path), bytes);
    console.log(`${wasmPathOf(path)}: ${bytes.length} bytes`);
  }
}
