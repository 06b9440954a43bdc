import "server-only";
import { isErrorIssue, normalizeParams, readXmp, type DevelopParams, type ParamIssue } from "@/lib/develop";
import { RowError, type FileSource } from "./file-source";
import type { ImportItem } from "./import-item";

/**
 * The item's develop params, from inline `params` or an XMP sidecar (a path,
 * or the XML itself). A malformed sidecar, a wrong type or an out-of-range
 * value makes the row bad: an edit we would have to guess at is not
 * training data. Informational issues (unknown or unrendered keys) pass.
 */
export async function readItemParams(item: ImportItem, files: FileSource): Promise<DevelopParams> {
  let params: DevelopParams;
  let issues: ParamIssue[];
  if (item.params) {
    ({ params, issues } = normalizeParams(item.params));
  } else {
    const xmp = item.xmp ?? "";
    const text = xmp.trimStart().startsWith("<") ? xmp : new TextDecoder().decode(await files.read(xmp));
    ({ params, issues } = readXmp(text));
    const malformed = issues.find((i) => i.code === "malformed" && i.key === "");
    if (malformed)
      throw new RowError(`malformed XMP ${item.xmp?.startsWith("<") ? "" : item.xmp}: ${malformed.message}`.replace("  ", " "));
  }
  const errors = issues.filter(isErrorIssue);
  if (errors.length > 0) {
    const kind = errors.every((e) => e.code === "out_of_range") ? "out-of-range params" : "invalid params";
    // The engine would clamp or drop these; an import refuses the row instead, so drop that remark.
    throw new RowError(`${kind}: ${errors.map((e) => e.message.replace(/; clamped to .*$/, "")).join("; ")}`);
  }
  return params;
}
