// The Develop page's preview worker and its boot script, bundled by esbuild into public/_develop/
// when `next build` or `next dev` loads next.config.ts (watched under `next dev`). The page's HTML
// inlines the boot script (app/(app)/develop/read-boot-script.ts), which starts the worker at parse
// time: a worker bundled by Next is only known to the page's own scripts, which load, evaluate and
// hydrate first (300-400 ms on two cores), and loads as several chunks in a row.
// In production the worker's file name carries a hash of its contents, so browsers keep it for a
// year without asking again (next.config.ts); `next dev` serves a fixed name, rebuilt on change.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, context, type BuildOptions } from "esbuild";

const DEVELOP = "app/(app)/develop";
const WORKER_ENTRY = `${DEVELOP}/develop.worker.ts`;
const BOOT_ENTRY = `${DEVELOP}/preview-boot-script.ts`;
/** Where the assets are served from; the files are under public/ there. */
export const PREVIEW_ASSETS_PATH = "/_develop";
/** The worker's URL in the boot script and the page's script. */
const WORKER_URL_ENV = "process.env.DEVELOP_PREVIEW_WORKER_URL";
/** A hashed worker file name (only those are served as immutable). */
export const HASHED_WORKER = /^preview-worker\.[0-9a-f]{16}\.js$/;

/** Writes through a temporary file and a rename: a server never serves half a bundle. */
function writeAtomically(path: string, contents: Uint8Array | string) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function options(root: string, dev: boolean, entry: string, workerUrl: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: "iife", // classic scripts: a classic worker, and an inline script
    target: "es2022",
    minify: !dev,
    sourcemap: dev ? "inline" : false,
    alias: { "@": root },
    define: { [WORKER_URL_ENV]: JSON.stringify(workerUrl) },
    legalComments: "none",
    logLevel: "warning",
    write: false,
  };
}

const outDir = (root: string) => join(root, "public", PREVIEW_ASSETS_PATH);

/**
 * Builds the worker (under a name hashed from its contents) and then the boot script that starts
 * it; removes workers of earlier builds. Returns the worker's URL, which next.config.ts gives the
 * page's script (DEVELOP_PREVIEW_WORKER_URL).
 */
export async function buildDevelopPreviewAssets({ root = process.cwd() } = {}): Promise<{ workerUrl: string }> {
  const dir = outDir(root);
  mkdirSync(dir, { recursive: true });
  const worker = await build(options(root, false, WORKER_ENTRY, ""));
  const code = worker.outputFiles![0].contents;
  const name = `preview-worker.${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  writeAtomically(join(dir, name), code);
  const workerUrl = `${PREVIEW_ASSETS_PATH}/${name}`;
  const boot = await build(options(root, false, BOOT_ENTRY, workerUrl));
  writeAtomically(join(dir, "preview-boot.js"), boot.outputFiles![0].contents);
  for (const old of readdirSync(dir))
    if (old !== name && (HASHED_WORKER.test(old) || old === "preview-worker.js")) rmSync(join(dir, old), { force: true });
  console.log(`[develop] preview worker ${workerUrl} and boot script written to ${dir}`);
  return { workerUrl };
}

/** The watch of this process (Next.js loads its config more than once). */
let watching: Promise<{ workerUrl: string }> | null = null;

/** For `next dev`: builds both under fixed names and rebuilds each on change. */
export function watchDevelopPreviewAssets({ root = process.cwd() } = {}): Promise<{ workerUrl: string }> {
  const workerUrl = `${PREVIEW_ASSETS_PATH}/preview-worker.js`;
  watching ??= (async () => {
    const dir = outDir(root);
    mkdirSync(dir, { recursive: true });
    for (const [entry, file] of [
      [WORKER_ENTRY, "preview-worker.js"],
      [BOOT_ENTRY, "preview-boot.js"],
    ]) {
      const ctx = await context({
        ...options(root, true, entry, workerUrl),
        plugins: [
          { name: "write", setup: (b) => b.onEnd((r) => r.outputFiles?.forEach((f) => writeAtomically(join(dir, file), f.contents))) },
        ],
      });
      await ctx.watch();
    }
    return { workerUrl };
  })();
  return watching;
}
