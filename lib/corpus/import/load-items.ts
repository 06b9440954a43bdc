import "server-only";
import { readdir, readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import type { ImportItem, ItemError } from "./import-item";
import { parseManifest } from "./parse-manifest";
import { scanFolder } from "./scan-folder";

/** Everything under `root`, as `/`-separated relative paths. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, resolve(e.parentPath, e.name)).split("\\").join("/"));
}

/** The items (and unreadable rows) of an import, from its manifest or its folder. */
export async function loadItems(run: { kind: "manifest" | "folder"; root: string; manifestPath: string | null }): Promise<{
  items: ImportItem[];
  errors: ItemError[];
}> {
  if (run.kind === "manifest")
    return parseManifest(await readFile(resolve(/* turbopackIgnore: true */ run.root, run.manifestPath ?? "manifest.jsonl"), "utf8"));
  return scanFolder(await listFiles(run.root));
}
