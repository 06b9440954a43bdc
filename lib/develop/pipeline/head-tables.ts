import { cellTables, postValue, type GlobalLut } from "./lut3d";

type HeadTables = Pick<GlobalLut, "separable" | "cellOffset" | "cellFrac">;

const made = new WeakMap<GlobalLut, HeadTables>();

/**
 * The head as per-channel tables indexed by level·256 + code (one row per base level with tone
 * regions, a single row without): display values and their cube cells. With tone regions they are
 * made here on first use — 3 × 256 × 256 entries the cube kernel never reads (it uses the compact
 * `regionHead`), so a render of a global edit does not pay for them, nor does a LUT sent to
 * another thread carry them.
 */
export function headTables(lut: GlobalLut): HeadTables {
  const head = lut.regionHead;
  if (!head) return lut;
  const known = made.get(lut);
  if (known) return known;
  const separable = [0, 1, 2].map((c) => {
    const row = new Float32Array(65536);
    for (let k = 0; k < 256; k++)
      for (let v = 0; v < 256; v++) row[k * 256 + v] = postValue(head.post, head.ramp[v * 3 + c] + head.lifts[k], c);
    return row;
  }) as GlobalLut["separable"];
  const tables = { separable, ...cellTables(separable, lut.size) };
  made.set(lut, tables);
  return tables;
}
