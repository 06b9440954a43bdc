import type { ImportItem, ItemError } from "./import-item";

const IMAGE_EXT = /\.(jpe?g|png|tiff?|webp)$/i;

/**
 * Groups a Lightroom-style export into import items: `name.jpg` +
 * `name.xmp` (sidecar, also accepted as `name.jpg.xmp`) + optional
 * `name.after.jpg`. `files` are paths relative to the folder; items are
 * numbered in sorted order so reports are stable. An image with no sidecar
 * or a sidecar with no image is an error, not a silent skip.
 */
export function scanFolder(files: string[]): { items: ImportItem[]; errors: ItemError[] } {
  const groups = new Map<string, { before?: string; after?: string; xmp?: string }>();
  const group = (stem: string) => {
    let g = groups.get(stem);
    if (!g) groups.set(stem, (g = {}));
    return g;
  };
  for (const file of files) {
    const base = file.split("/").pop() ?? file;
    if (base.startsWith(".")) continue;
    if (/\.xmp$/i.test(file)) {
      group(file.replace(/\.xmp$/i, "").replace(IMAGE_EXT, "")).xmp = file;
    } else if (IMAGE_EXT.test(file)) {
      const stem = file.replace(IMAGE_EXT, "");
      if (/\.after$/i.test(stem)) group(stem.replace(/\.after$/i, "")).after = file;
      else group(stem).before = file;
    }
  }
  const items: ImportItem[] = [];
  const errors: ItemError[] = [];
  const stems = [...groups.keys()].sort();
  stems.forEach((stem, i) => {
    const g = groups.get(stem)!;
    const line = i + 1;
    if (!g.before) errors.push({ line, ref: stem, reason: `${g.xmp ?? g.after} has no before image (${stem}.jpg)` });
    else if (!g.xmp) errors.push({ line, ref: stem, reason: `${g.before} has no XMP sidecar (${stem}.xmp)` });
    else items.push({ line, ref: stem, before: g.before, after: g.after, xmp: g.xmp });
  });
  return { items, errors };
}
