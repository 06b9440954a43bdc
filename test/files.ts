// File access for tests, so tests of the universal libraries (lib/develop,
// lib/edits) need no node:* imports of their own. Paths are relative to the
// repository root.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const abs = (path: string) => (path.startsWith("/") ? path : join(ROOT, path));

/** A text file's contents. */
export const readText = (path: string) => readFileSync(abs(path), "utf8");

/** Whether a file or folder exists. */
export const pathExists = (path: string) => existsSync(abs(path));

/** Files under `dir` (recursively) ending in `ext`, as paths relative to `dir`, sorted. */
export function listFiles(dir: string, ext: string): string[] {
  const root = abs(dir);
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return walk(path);
      return name.endsWith(ext) ? [relative(root, path)] : [];
    });
  return walk(root).sort();
}

/** The shared fixture folder CI lays beside the clone (absent on a plain fresh clone). */
export const SHARED_PEVA3 = join(ROOT, "..", "shared", "fixtures", "xmp-peva3");
