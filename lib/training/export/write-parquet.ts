import { parquetWriteBuffer } from "hyparquet-writer";

/**
 * Rows → a Parquet file (column types inferred: strings, lists and structs
 * nest as EasyR1/verl's readers expect). `createdBy` is fixed so the same rows
 * always give the same bytes, which keeps export hashes stable.
 */
export function writeParquet(rows: Record<string, unknown>[]): Uint8Array {
  if (rows.length === 0) throw new RangeError("writeParquet needs at least one row");
  const names = Object.keys(rows[0]);
  const columnData = names.map((name) => {
    const data = rows.map((r) => r[name]);
    return typeof data[0] === "string" ? { name, data, type: "STRING" as const, nullable: false } : { name, data };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: "retouchiq-studio export v1" }));
}

/** Rows → JSON Lines bytes (one object per line, trailing newline). */
export function writeJsonl(rows: unknown[]): Uint8Array {
  return new TextEncoder().encode(rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
}
