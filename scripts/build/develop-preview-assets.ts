// The Develop page's preview worker and its boot script, bundled by esbuild into public/_develop/
// when `next build` or `next dev` loads next.config.ts (watched under `next dev`). The page puts the
// boot script in its <head> as an async script (React hoists it there), which starts the worker as
// soon as it is loaded: a worker bundled by Next is only known to the page's own scripts, which
// load, evaluate and hydrate first (300-400 ms on two cores), and loads as several chunks in a row.
// In production both file names carry a hash of their contents, so browsers keep them for a year
// without asking again (next.config.ts); `next dev` serves fixed names, rebuilt on change.
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
/** Hashed file names of the worker and the boot script (only those are served as immutable). */
export const HASHED_ASSET = /^preview-(worker|boot)\.[0-9a-f]{16}\.js$/;
/** The hashed files, as a path pattern of next.config.ts headers(). */
export const HASHED_ASSET_SOURCE = `${PREVIEW_ASSETS_PATH}/:file(preview-(?:worker|boot)\\.[0-9a-f]{16}\\.js)`;
/** The assets' URLs: the page's script starts the worker itself when it comes first, and the page links the boot script. */
export type PreviewAssets = { workerUrl: string; bootUrl: string };

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

/** A name for `code` that changes with it: `<stem>.<16 hex>.js`. */
const hashedName = (stem: string, code: Uint8Array) => `${stem}.${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;

/**
 * Builds the worker and then the boot script that starts it, each under a name hashed from its
 * contents; removes the files of earlier builds. Returns their URLs, which next.config.ts gives the
 * page (DEVELOP_PREVIEW_WORKER_URL, DEVELOP_PREVIEW_BOOT_URL).
 */
export async function buildDevelopPreviewAssets({ root = process.cwd() } = {}): Promise<PreviewAssets> {
  const dir = outDir(root);
  mkdirSync(dir, { recursive: true });
  const worker = (await build(options(root, false, WORKER_ENTRY, ""))).outputFiles![0].contents;
  const workerName = hashedName("preview-worker", worker);
  writeAtomically(join(dir, workerName), worker);
  const workerUrl = `${PREVIEW_ASSETS_PATH}/${workerName}`;
  const boot = (await build(options(root, false, BOOT_ENTRY, workerUrl))).outputFiles![0].contents;
  const bootName = hashedName("preview-boot", boot);
  writeAtomically(join(dir, bootName), boot);
  for (const old of readdirSync(dir))
    if (old !== workerName && old !== bootName && (HASHED_ASSET.test(old) || /^preview-(worker|boot)\.js$/.test(old)))
      rmSync(join(dir, old), { force: true });
  console.log(`[develop] preview worker ${workerUrl} and boot script ${bootName} written to ${dir}`);
  return { workerUrl, bootUrl: `${PREVIEW_ASSETS_PATH}/${bootName}` };
}

/** The watch of this process (Next.js loads its config more than once). */
let watching: Promise<PreviewAssets> | null = null;

/** For `next dev`: builds both under fixed names and rebuilds each on change. */
export function watchDevelopPreviewAssets({ root = process.cwd() } = {}): Promise<PreviewAssets> {
  const workerUrl = `${PREVIEW_ASSETS_PATH}/preview-worker.js`;
  const bootUrl = `${PREVIEW_ASSETS_PATH}/preview-boot.js`;
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
    return { workerUrl, bootUrl };
  })();
  return watching;
}
