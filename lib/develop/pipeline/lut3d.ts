import { SRGB_DECODE_LUT, srgbToLinear } from "../color/srgb";
import { hasColorStages, type GlobalSettings } from "./global-settings";
import { runColorStages, runSeparableStages } from "./run-global";
import { makeRegionDelta, needsToneRegions } from "./tone-regions";

/**
 * The global pipeline baked for 8-bit input.
 *
 * - `separable`: the display value of each input code after WB → exposure → tone → curves, per
 *   channel (256 entries each). These stages act on one channel at a time, so 3×256 evaluations of
 *   the float code are exact for every pixel.
 * - `grid`: when a channel-mixing stage is active, a cube of `size³` nodes over the display values,
 *   each node holding the colour stages' output packed as three 17-bit fields in one float64:
 *   `R·2^34 + G·2^17 + B`. Each field is a 10-bit "node code" n = round(v·510) + 256, i.e. the value
 *   in half-codes offset so that v in [−0.5, 1.5] fits: nodes are NOT clipped, the clip to [0, 1]
 *   happens after interpolation, so a stage pushing colours out of gamut adds no kink inside a cell.
 *   The fields have headroom for a sum of four nodes weighted to 128, so tetrahedral interpolation
 *   runs as 4 multiplies on the packed value instead of 12, exactly (integers < 2^51), and
 *   unpacking is 3 scaled truncations plus a 1024-entry table.
 * - `cellOffset` / `cellFrac` map each input code straight to its cube cell (offset into `grid`) and
 *   its position inside the cell (0–128), so the per-pixel work has no float math before the lookup.
 */
export type GlobalLut = {
  /**
   * 256 entries per channel. Empty with tone regions: the 256 × 256 per-level rows are made on
   * first use by `headTables` (head-tables.ts) — the cube kernel reads only `regionHead`.
   */
  separable: [Float32Array, Float32Array, Float32Array];
  /** 1, or 256 when the Highlights/Shadows lift depends on each pixel's base level. */
  levels: number;
  /**
   * With tone regions, the compact form the cube kernel reads (≈ 100 KB instead of 3 × 256 KB of
   * per-level rows, which thrash the cache where the level changes from pixel to pixel): per
   * channel the pre-lift value of each code and the lift of each level, both pre-scaled integers so
   * that `pre[c][code] + lift[level]` indexes `cells[c]`, the packed cell offset·512 + position
   * of the head on a 1/4096-display grid of pre-lift values.
   */
  regionHead: RegionHead | null;
  grid: Float64Array | null;
  size: number;
  /** Cell of each entry of `separable` (empty with tone regions, like it). */
  cellOffset: [Int32Array, Int32Array, Int32Array];
  cellFrac: [Int32Array, Int32Array, Int32Array];
};

/** Default cube size: 33 nodes per axis keeps LUT-vs-float errors within 2 codes (see lut3d.test.ts). */
export const DEFAULT_GRID_SIZE = 33;

/** Display value of cube node `i` (evenly spaced; an uneven spacing measured no better). */
function nodePosition(i: number, size: number): number {
  return i / (size - 1);
}

/** Evaluates the separable stages on the 256 codes of each channel. */
function bakeSeparable(settings: GlobalSettings): [Float32Array, Float32Array, Float32Array] {
  const ramp = new Float32Array(256 * 3);
  for (let v = 0; v < 256; v++) ramp.fill(SRGB_DECODE_LUT[v], v * 3, v * 3 + 3);
  runSeparableStages({ image: { data: ramp, width: 256, height: 1 }, settings });
  const out: [Float32Array, Float32Array, Float32Array] = [new Float32Array(256), new Float32Array(256), new Float32Array(256)];
  for (let v = 0; v < 256; v++) for (let c = 0; c < 3; c++) out[c][v] = ramp[v * 3 + c];
  return out;
}

/** Compact per-level head for the cube kernel (see GlobalLut.regionHead). */
export type RegionHead = {
  pre: [Int32Array, Int32Array, Int32Array];
  lift: Int32Array;
  cells: [Int32Array, Int32Array, Int32Array];
  /** What the head is made of: pre-lift values (256 × RGB), the tabulated rest of the head (4097 × RGB), and each level's lift. */
  ramp: Float32Array;
  post: Float32Array;
  lifts: Float32Array;
};

/** Resolution of the tabulated post-lift part of the head (clip → contrast → curves). */
const POST_STEPS = 4096;

/**
 * The separable head for each of the 256 base levels of the tone regions: the value before the
 * lift (WB → exposure → levels → encode) per code, plus the level's lift, through the tabulated
 * rest (clip → contrast → curves, 4096 steps, linear interpolation: < 0.05 code from the formula).
 */
function bakeSeparableLevels(settings: GlobalSettings, size: number): RegionHead {
  const tone = settings.tone ?? {};
  const ramp = new Float32Array(256 * 3);
  for (let v = 0; v < 256; v++) ramp.fill(SRGB_DECODE_LUT[v], v * 3, v * 3 + 3);
  runSeparableStages({ image: { data: ramp, width: 256, height: 1 }, settings, stop: "pre" });
  const post = new Float32Array((POST_STEPS + 1) * 3);
  for (let j = 0; j <= POST_STEPS; j++) post.fill(j / POST_STEPS, j * 3, j * 3 + 3);
  runSeparableStages({ image: { data: post, width: POST_STEPS + 1, height: 1 }, settings, stop: "post" });
  const delta = makeRegionDelta({ exposure: settings.exposure, tone });
  const lifts = Float32Array.from({ length: 256 }, (_, k) => delta(k / 255));
  return bakeRegionHead({ ramp, post, lifts, size });
}

/** The head's value for pre-lift value `q` on channel `c` (clip, then the tabulated rest). */
export function postValue(post: Float32Array, q: number, c: number): number {
  const t = q <= 0 ? 0 : q >= 1 ? POST_STEPS : q * POST_STEPS;
  const i = Math.min(POST_STEPS - 1, t | 0);
  const lo = post[i * 3 + c];
  return lo + (post[i * 3 + 3 + c] - lo) * (t - i);
}

/** Steps of the compact head's grid per display unit (1/128 of a 33-node cell). */
const HEAD_STEPS = 4096;
/**
 * Upper bound of the compact head's length: pre-lift values beyond the clip points are clamped
 * (below), so the head spans [0, 1] plus the lifts' range on both sides (|lift| ≤ 0.25 → ≤ 6200).
 */
export const MAX_HEAD_STEPS = 3 * HEAD_STEPS;

/**
 * Builds {@link RegionHead}: the head on a 1/4096 grid of pre-lift values spanning every code +
 * lift. Index j stands for q = qMin + j/4096 (qMin's phase fixes how values round). Every q ≤ 0
 * (q ≥ 1) has the same entry (the post curve clips first), so a pre-lift index that stays at or
 * below the last q ≤ 0 after adding the largest lift is clamped to that point (likewise above):
 * the same cells for every pixel, and a head bounded by MAX_HEAD_STEPS however far exposure or
 * levels push the values.
 */
function bakeRegionHead({
  ramp,
  post,
  lifts,
  size,
}: {
  ramp: Float32Array;
  post: Float32Array;
  lifts: Float32Array;
  size: number;
}): RegionHead {
  let lo = Infinity;
  let dLo = 0;
  for (const v of ramp) lo = Math.min(lo, v);
  for (const d of lifts) dLo = Math.min(dLo, d);
  const qMin = lo + dLo;
  const at = (j: number) => qMin + j / HEAD_STEPS;
  const lift = Int32Array.from(lifts, (d) => Math.round(d * HEAD_STEPS));
  const liftLo = Math.min(0, ...lift);
  const liftHi = Math.max(0, ...lift);
  // Last index at or below 0 and first at or above 1.
  let j0 = Math.floor(-qMin * HEAD_STEPS);
  while (at(j0 + 1) <= 0) j0++;
  while (at(j0) > 0) j0--;
  let j1 = Math.ceil((1 - qMin) * HEAD_STEPS);
  while (at(j1 - 1) >= 1) j1--;
  while (at(j1) < 1) j1++;
  const raw = [0, 1, 2].map((c) =>
    Int32Array.from({ length: 256 }, (_, v) =>
      Math.min(j1 - liftLo, Math.max(j0 - liftHi, Math.round((ramp[v * 3 + c] - qMin) * HEAD_STEPS))),
    ),
  );
  let first = Infinity;
  let last = -Infinity;
  for (const xs of raw)
    for (const x of xs) {
      first = Math.min(first, x + liftLo);
      last = Math.max(last, x + liftHi);
    }
  const steps = last - first + 1;
  if (steps > MAX_HEAD_STEPS) throw new RangeError(`tone head needs ${steps} steps, more than ${MAX_HEAD_STEPS}`);
  const strides = [size * size, size, 1];
  const pre = raw.map((xs) => xs.map((x) => x - first)) as RegionHead["pre"];
  const cells: RegionHead["cells"] = [new Int32Array(steps), new Int32Array(steps), new Int32Array(steps)];
  for (let c = 0; c < 3; c++) {
    for (let j = 0; j < steps; j++) {
      const t = postValue(post, at(j + first), c) * (size - 1);
      const cell = Math.min(size - 2, Math.max(0, Math.floor(t)));
      cells[c][j] = cell * strides[c] * 512 + Math.round((t - cell) * FRAC_ONE);
    }
  }
  return { pre, lift, cells, ramp, post, lifts };
}

/** Runs the colour stages on every node of a `size³` cube and packs the results. */
function bakeGrid(settings: GlobalSettings, size: number): Float64Array {
  const n = size * size * size;
  const nodes = new Float32Array(n * 3);
  for (let i = 0, p = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      for (let k = 0; k < size; k++, p += 3) {
        nodes[p] = nodePosition(i, size);
        nodes[p + 1] = nodePosition(j, size);
        nodes[p + 2] = nodePosition(k, size);
      }
    }
  }
  runColorStages({ image: { data: nodes, width: n, height: 1 }, settings });
  const grid = new Float64Array(n);
  const node = (v: number) => Math.min(1023, Math.max(0, Math.round(v * 510) + NODE_OFFSET));
  for (let p = 0; p < n; p++) grid[p] = node(nodes[p * 3]) * 2 ** 34 + node(nodes[p * 3 + 1]) * 2 ** 17 + node(nodes[p * 3 + 2]);
  return grid;
}

/** Bakes the global stages of `settings` for 8-bit input; `size` is the cube size (3–65). */
export function bakeGlobalLut({ settings, size = DEFAULT_GRID_SIZE }: { settings: GlobalSettings; size?: number }): GlobalLut {
  if (!Number.isInteger(size) || size < 3 || size > 65) throw new RangeError(`size must be an integer in [3, 65], got ${size}`);
  const levels = settings.toneRegions && needsToneRegions(settings.tone) ? 256 : 1;
  const regionHead = levels > 1 ? bakeSeparableLevels(settings, size) : null;
  const separable = regionHead ? emptyTables(Float32Array) : bakeSeparable(settings);
  const { cellOffset, cellFrac } = cellTables(separable, size);
  const grid = hasColorStages(settings) ? bakeGrid(settings, size) : null;
  return { separable, levels, regionHead, grid, size, cellOffset, cellFrac };
}

function emptyTables<T>(Kind: new (n: number) => T): [T, T, T] {
  return [new Kind(0), new Kind(0), new Kind(0)];
}

/** The cube cell (offset into `grid`) and in-cell position (0–128) of every entry of `separable`. */
export function cellTables(separable: GlobalLut["separable"], size: number): Pick<GlobalLut, "cellOffset" | "cellFrac"> {
  const strides = [size * size, size, 1];
  const cellOffset = separable.map((t) => new Int32Array(t.length)) as GlobalLut["cellOffset"];
  const cellFrac = separable.map((t) => new Int32Array(t.length)) as GlobalLut["cellFrac"];
  for (let c = 0; c < 3; c++) {
    for (let v = 0; v < separable[c].length; v++) {
      const t = separable[c][v] * (size - 1);
      const cell = Math.min(size - 2, Math.max(0, Math.floor(t)));
      cellOffset[c][v] = cell * strides[c];
      cellFrac[c][v] = Math.round((t - cell) * FRAC_ONE);
    }
  }
  return { cellOffset, cellFrac };
}

/** Node code of display value 0 (node codes are half-codes + this offset). */
export const NODE_OFFSET = 256;
/** Sum of the four tetrahedral weights (7-bit cell positions). */
export const FRAC_ONE = 128;

/** Display value of a node code, clipped to [0, 1]. */
function nodeValue(i: number): number {
  const v = (i - NODE_OFFSET) / 510;
  return v <= 0 ? 0 : v >= 1 ? 1 : v;
}

/** 8-bit output code of each node code 0–1023. */
export const NODE_TO_CODE: Uint8Array = Uint8Array.from({ length: 1024 }, (_, i) => Math.round(nodeValue(i) * 255));

/** Linear value of each node code 0–1023. */
export const NODE_TO_LINEAR: Float32Array = Float32Array.from({ length: 1024 }, (_, i) => srgbToLinear(nodeValue(i)));
