import { createHash } from "node:crypto";
import type { ExportFile, ExportFormat } from "@/db/schema";

/** `manifest.json` of an export bundle. */
export type ExportManifest = {
  version: 1;
  format: ExportFormat;
  name: string;
  /** sha256 over format + every file's path and blob key: the export's identity. */
  contentHash: string;
  counts: Record<string, number>;
  createdBy: string | null;
  createdAt: string;
  source: { snapshotId: string | null; snapshotHash: string | null; roundId: string | null };
  /** Folder the bundle is meant to be unpacked into on training nodes (verl `file://` URIs use it). */
  imageRoot: string;
  files: ExportFile[];
};

/**
 * The content hash of an export: sha256 of `format` and the sorted
 * `path\tblobKey` lines. Who made it and when do not enter it, so the same
 * data exported twice has the same hash.
 */
export function exportContentHash(format: ExportFormat, files: Pick<ExportFile, "path" | "blobKey">[]): string {
  const lines = files.map((f) => `${f.path}\t${f.blobKey}`).sort();
  return createHash("sha256")
    .update(`${format}\n${lines.join("\n")}`)
    .digest("hex");
}
