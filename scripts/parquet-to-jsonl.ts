// `tsx scripts/parquet-to-jsonl.ts file.parquet`: the rows of a platform export's parquet file as
// JSON lines on stdout, for readers without a parquet library (training/compact/data.py: Debian's
// python3 has no pyarrow). Uses hyparquet, the library the exporter validates its files with.
import { readFileSync } from "node:fs";
import { parquetReadObjects } from "hyparquet";

const path = process.argv[2];
if (!path) {
  console.error("usage: tsx scripts/parquet-to-jsonl.ts <file.parquet>");
  process.exit(2);
}
const bytes = readFileSync(path);
const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
for (const row of rows) process.stdout.write(`${JSON.stringify(row, (_, v) => (typeof v === "bigint" ? Number(v) : v))}\n`);
