// The sample photos with their hand-written Lightroom sidecars
// (test/fixtures/corpus/edits), laid out as a photographer's Lightroom
// export. The demo seed imports it as its starter corpus; tests import it too.
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const EDITS = join("test", "fixtures", "corpus", "edits");

/** Copies each sidecar and its photo into a fresh temp folder and returns the folder. */
export function sampleLightroomExport(): string {
  const dir = mkdtempSync(join(tmpdir(), "riq-lr-export-"));
  for (const file of readdirSync(EDITS).filter((f) => f.endsWith(".xmp"))) {
    const name = file.replace(/\.xmp$/, "");
    copyFileSync(join("public", "samples", `${name}.jpg`), join(dir, `${name}.jpg`));
    copyFileSync(join(EDITS, file), join(dir, file));
  }
  return dir;
}
