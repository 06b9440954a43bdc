import { coerceNumber } from "./coerce-value";
import type { ToneCurve } from "./types";

/** Result of reading a curve: the curve, and what had to be fixed or why it failed. */
export type CurveCoercion = { curve?: ToneCurve; fixes: string[]; error?: string };

/**
 * Reads a point curve from any form seen in the wild: `[[x,y],…]`, `["x, y",…]` (XMP rdf:Seq),
 * a flat `[x1,y1,x2,y2,…]`, JarvisArt's `{"1":x1,"2":y1,…}` or `[{x,y},…]`. Points are rounded to
 * integers (Lightroom's curve grid), clamped to 0–255, sorted by x; a duplicate x keeps the last.
 */
export function coerceCurve(value: unknown): CurveCoercion {
  const flat = toFlatNumbers(value);
  if (typeof flat === "string") return { fixes: [], error: flat };
  if (flat.length % 2 !== 0) return { fixes: [], error: `needs x, y pairs but has ${flat.length} numbers` };
  if (flat.length < 4) return { fixes: [], error: "needs at least two points" };
  const fixes: string[] = [];
  const byX = new Map<number, number>();
  for (let i = 0; i < flat.length; i += 2) {
    const [x, y] = [fix(flat[i], fixes), fix(flat[i + 1], fixes)];
    if (byX.has(x)) fixes.push(`duplicate x=${x} (kept the last point)`);
    byX.set(x, y);
  }
  const curve = [...byX.entries()].sort((a, b) => a[0] - b[0]) as ToneCurve;
  if (curve.length < 2) return { fixes, error: "needs at least two distinct points" };
  return { curve, fixes };
}

function fix(v: number, fixes: string[]): number {
  const r = Math.round(v);
  if (r < 0 || r > 255) {
    fixes.push(`${v} is outside 0–255`);
    return r < 0 ? 0 : 255;
  }
  return r;
}

function toFlatNumbers(value: unknown): number[] | string {
  if (typeof value === "string") return parseNumbers(value.split(/[\s,;]+/).filter(Boolean));
  if (Array.isArray(value)) return flattenArray(value);
  if (value && typeof value === "object") return fromNumberedObject(value as Record<string, unknown>);
  return `must be a list of points, got ${typeof value}`;
}

function flattenArray(items: unknown[]): number[] | string {
  const parts: unknown[] = [];
  for (const item of items) {
    if (typeof item === "string") parts.push(...item.split(/[\s,;]+/).filter(Boolean));
    else if (Array.isArray(item)) parts.push(...item);
    else if (item && typeof item === "object" && "x" in item && "y" in item) parts.push(item.x, item.y);
    else if (item && typeof item === "object" && "X" in item && "Y" in item) parts.push(item.X, item.Y);
    else parts.push(item);
  }
  return parseNumbers(parts);
}

/** JarvisArt writes `{"1": x1, "2": y1, "3": x2, …}`; order by the numeric key. */
function fromNumberedObject(obj: Record<string, unknown>): number[] | string {
  const entries = Object.entries(obj);
  if (entries.some(([k]) => !/^\d+$/.test(k))) return 'object curves need numbered keys {"1": x1, "2": y1, …}';
  entries.sort((a, b) => Number(a[0]) - Number(b[0]));
  return parseNumbers(entries.map(([, v]) => v));
}

function parseNumbers(parts: unknown[]): number[] | string {
  const out: number[] = [];
  for (const p of parts) {
    const n = coerceNumber(p);
    if (n === undefined) return `has a non-numeric coordinate ${JSON.stringify(p)}`;
    out.push(n);
  }
  return out;
}
