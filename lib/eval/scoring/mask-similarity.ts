import { minCostAssignment } from "./assignment";

// Mask similarity of JarvisArt's local reward (DEVELOP-PARAMS.md §3, term 4), re-derived from the
// released reward's math (`lrc_tools_reward.py`), in [0, 1]. Masks are read defensively: a policy's
// output is whatever it wrote, so a missing or mistyped field counts as absent.

type Fields = Record<string, unknown>;

const num = (m: Fields, k: string): number | undefined =>
  typeof m[k] === "number" && Number.isFinite(m[k]) ? (m[k] as number) : undefined;
const isFields = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);
/** 1 at distance 0, falling linearly to 0 at `scale`. */
const closeness = (distance: number, scale: number) => Math.max(0, 1 - distance / scale);

/**
 * Attributes every mask component shares: a different active or inverted
 * state is a different mask (0); a different blend mode 0.4; otherwise
 * 1 − |ΔMaskValue|.
 */
export function basicMaskSimilarity(a: Fields, b: Fields): number {
  if ((a.MaskActive ?? true) !== (b.MaskActive ?? true)) return 0;
  if ((a.MaskInverted ?? false) !== (b.MaskInverted ?? false)) return 0;
  if ((a.MaskBlendMode ?? 0) !== (b.MaskBlendMode ?? 0)) return 0.4;
  return 1 - Math.abs((num(a, "MaskValue") ?? 1) - (num(b, "MaskValue") ?? 1));
}

/** Linear gradient: start and end points each score 1 − distance / 0.5 (fractions of the image). */
function linearGradientSimilarity(a: Fields, b: Fields): number {
  const keys = ["ZeroX", "ZeroY", "FullX", "FullY"];
  if (keys.some((k) => num(a, k) === undefined || num(b, k) === undefined)) return 0;
  const d = (x: string, y: string) => Math.hypot(num(a, x)! - num(b, x)!, num(a, y)! - num(b, y)!);
  return (closeness(d("ZeroX", "ZeroY"), 0.5) + closeness(d("FullX", "FullY"), 0.5)) / 2;
}

/**
 * Radial gradient: centre 1 − distance / 0.5, size 1 − (|w/w′ − 1| + |h/h′ − 1|),
 * weighted 0.5 / 0.5, or 0.4 / 0.4 / 0.2 with the circular angle difference
 * (1 − Δ/180°) when both give an angle.
 */
function radialGradientSimilarity(a: Fields, b: Fields): number {
  const keys = ["Top", "Left", "Bottom", "Right"];
  if (keys.some((k) => num(a, k) === undefined || num(b, k) === undefined)) return 0;
  const box = (m: Fields) => ({
    cx: (num(m, "Left")! + num(m, "Right")!) / 2,
    cy: (num(m, "Top")! + num(m, "Bottom")!) / 2,
    w: Math.abs(num(m, "Right")! - num(m, "Left")!),
    h: Math.abs(num(m, "Bottom")! - num(m, "Top")!),
  });
  const p = box(a);
  const g = box(b);
  const centre = closeness(Math.hypot(p.cx - g.cx, p.cy - g.cy), 0.5);
  const ratio = (x: number, y: number) => (y === 0 ? (x === 0 ? 0 : Infinity) : Math.abs(x / y - 1));
  const size = closeness(ratio(p.w, g.w) + ratio(p.h, g.h), 1);
  const pa = num(a, "Angle");
  const ga = num(b, "Angle");
  if (pa === undefined || ga === undefined) return 0.5 * centre + 0.5 * size;
  const diff = Math.abs(pa - ga) % 360;
  return 0.4 * centre + 0.4 * size + 0.2 * closeness(Math.min(diff, 360 - diff), 180);
}

/** AI mask: same subtype (and person part) 1; object vs subject 0.4; same subtype, other part 0.3; else 0. */
function aiMaskSimilarity(a: Fields, b: Fields): number {
  if (a.MaskSubType !== b.MaskSubType) {
    const pair = new Set([a.MaskSubType, b.MaskSubType]);
    return pair.has(0) && pair.has(1) && pair.size === 2 ? 0.4 : 0;
  }
  if (b.MaskSubCategoryID !== undefined && a.MaskSubCategoryID !== b.MaskSubCategoryID) return 0.3;
  return 1;
}

/** Axis-aligned box [x0, y0, x1, y1] of a polygon's `Points`. */
function polygonBox(m: Fields): [number, number, number, number] | null {
  const points = Array.isArray(m.Points) ? m.Points.filter(isFields) : [];
  const xs = points.map((p) => num(p, "X")).filter((v) => v !== undefined);
  const ys = points.map((p) => num(p, "Y")).filter((v) => v !== undefined);
  if (xs.length === 0 || ys.length === 0) return null;
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Intersection over union of two boxes [x0, y0, x1, y1]; 0 when either is empty. */
export function boxIou(a: [number, number, number, number], b: [number, number, number, number]): number {
  const iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (iw < 0 || ih < 0) return 0;
  const inter = iw * ih;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/** The first colour sample's point, as [X, Y]. */
function firstSample(r: Fields): [number, number] | null {
  const first = Array.isArray(r.ColorSamples) ? r.ColorSamples.find(isFields) : undefined;
  const x = first && num(first, "X");
  const y = first && num(first, "Y");
  return x === undefined || y === undefined ? null : [x, y];
}

/**
 * Range masks: a different type scores 0.3, a different inversion 0.
 * Luminance: 1 − mean |Δ| / 0.5 over the four `LumRange` points. Colour:
 * 0.3 · (1 − |ΔColorAmount| / 0.5) + 0.7 · (1 − distance / 0.5 between the
 * first samples' points) — our masks store sample points, not Lightroom's
 * opaque point models, so the position stands in for the sampled colour.
 * Depth and unknown types: 0.5.
 */
function rangeMaskSimilarity(a: Fields, b: Fields): number {
  const ra = a.CorrectionRangeMask;
  const rb = b.CorrectionRangeMask;
  if (!isFields(ra) || !isFields(rb) || ra.Type !== rb.Type) return 0.3;
  if ((ra.Invert ?? false) !== (rb.Invert ?? false)) return 0;
  if (ra.Type === 2) {
    const la = Array.isArray(ra.LumRange) ? ra.LumRange.map(Number) : [];
    const lb = Array.isArray(rb.LumRange) ? rb.LumRange.map(Number) : [];
    if (la.length === 0 || la.length !== lb.length || [...la, ...lb].some((v) => !Number.isFinite(v))) return 0;
    return closeness(la.reduce((s, v, i) => s + Math.abs(v - lb[i]), 0) / la.length, 0.5);
  }
  if (ra.Type === 1) {
    const ca = num(ra, "ColorAmount") ?? 0.5;
    const cb = num(rb, "ColorAmount") ?? 0.5;
    const sa = firstSample(ra);
    const sb = firstSample(rb);
    const samples = sa && sb ? closeness(Math.hypot(sa[0] - sb[0], sa[1] - sb[1]), 0.5) : 0;
    return 0.3 * closeness(Math.abs(ca - cb), 0.5) + 0.7 * samples;
  }
  return 0.5;
}

/**
 * Similarity of two mask components. A different kind (`What`) scores 0.1.
 * Gradients are compared by geometry, AI masks by subtype, polygons by the
 * IoU of their bounding boxes, range masks by their ranges; each times the
 * shared attributes ({@link basicMaskSimilarity}). Other kinds (brush) score
 * the shared attributes alone.
 */
export function maskComponentSimilarity(a: Fields, b: Fields): number {
  if (typeof a.What !== "string" || a.What !== b.What) return 0.1;
  const basic = basicMaskSimilarity(a, b);
  switch (a.What) {
    case "Mask/Gradient":
      return basic * linearGradientSimilarity(a, b);
    case "Mask/CircularGradient":
      return basic * radialGradientSimilarity(a, b);
    case "Mask/Image":
      return basic * aiMaskSimilarity(a, b);
    case "Mask/RangeMask":
      return basic * rangeMaskSimilarity(a, b);
    case "Mask/Polygon": {
      const pa = polygonBox(a);
      const pb = polygonBox(b);
      return pa && pb ? basic * boxIou(pa, pb) : 0;
    }
    default:
      return basic;
  }
}

/** Component pairs below this similarity do not count as matched. */
const COMPONENT_MATCH_MIN = 0.2;
/** Cost of pairing a component with nothing, when one side has more components. */
const UNPAIRED_COST = 0.9;

/**
 * Region similarity of two corrections from their `CorrectionMasks`:
 * components are paired by a min-cost assignment on 1 − similarity (the
 * shorter list padded at cost 0.9); pairs above 0.2 count. Score =
 * 0.7 · mean similarity of the counted pairs + 0.3 · completeness, where
 * completeness = counted pairs / the longer list; 0 when none count.
 */
export function regionSimilarity(pred: Fields, gt: Fields): number {
  const pm = Array.isArray(pred.CorrectionMasks) ? pred.CorrectionMasks.filter(isFields) : [];
  const gm = Array.isArray(gt.CorrectionMasks) ? gt.CorrectionMasks.filter(isFields) : [];
  if (pm.length === 0 || gm.length === 0) return 0;
  const n = Math.max(pm.length, gm.length);
  const cost = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i < pm.length && j < gm.length ? 1 - maskComponentSimilarity(pm[i], gm[j]) : UNPAIRED_COST)),
  );
  let sum = 0;
  let counted = 0;
  for (const [i, j] of minCostAssignment(cost)) {
    if (i >= pm.length || j >= gm.length) continue;
    const s = 1 - cost[i][j];
    if (s <= COMPONENT_MATCH_MIN) continue;
    sum += s;
    counted++;
  }
  if (counted === 0) return 0;
  return 0.7 * (sum / counted) + 0.3 * (counted / n);
}
