import { normalizeParams, type DevelopParams } from "./params";
import { bakeGlobalLut, NODE_OFFSET } from "./pipeline/lut3d";
import { planRender, type NotRendered, type RenderPlan } from "./pipeline/plan-render";
import { ENGINE_VERSION } from "./render";

/** Names of the spatial stages a render runs after the baked global stages. */
export const SPATIAL_STAGES = ["toneRegions", "presence", "localCorrections", "vignette", "grain", "sharpen"] as const;
export type SpatialStage = (typeof SPATIAL_STAGES)[number];

/**
 * The global stages of one edit, baked for 8-bit input, in a form another runtime (the compact
 * trainer's PyTorch renderer) can apply without the engine:
 * - `separable[c][code]`: display value of each input code after WB → exposure → tone → curves;
 * - `grid` (or null when no stage mixes channels): `size³` nodes, node (r, g, b) at index
 *   `((r·size + g)·size + b)·3`, each the colour stages' display output, unclipped (the engine
 *   clips after interpolating), already quantised to the engine's half-code node precision.
 * Look up a pixel: t_c = separable[c][code_c]·(size − 1), interpolate the cube at (t_r, t_g, t_b),
 * clip to [0, 1], ×255, round. `spatial` lists the stages that still run after (on the render API).
 */
export type BakedPlan = {
  engineVersion: number;
  size: number;
  separable: Float32Array;
  grid: Float32Array | null;
  spatial: SpatialStage[];
  applied: string[];
  notRendered: NotRendered[];
};

function spatialStagesOf(plan: RenderPlan): SpatialStage[] {
  const p = plan.presence;
  const on: Record<SpatialStage, boolean> = {
    // Edge-aware Highlights/Shadows need the image (a guided filter); the plan bakes them as global curves.
    toneRegions: Boolean(plan.global.toneRegions),
    presence: Boolean(p.texture || p.clarity || p.dehaze),
    localCorrections: plan.corrections.length > 0,
    vignette: Boolean(plan.vignette),
    grain: Boolean(plan.grain),
    sharpen: Boolean(plan.sharpen),
  };
  return SPATIAL_STAGES.filter((s) => on[s]);
}

/** Bakes the global stages of `params` (cube size 3–65, default 25 as for previews). */
export function bakePlan({ params, size = 25 }: { params: DevelopParams; size?: number }): BakedPlan {
  const plan = planRender(params);
  // Per-channel tables cannot carry the edge-aware tone regions (their tables are indexed by the
  // local brightness too), so the plan bakes Highlights/Shadows as global curves and lists
  // "toneRegions" among the stages a trainer must take from the render API for an exact match.
  const lut = bakeGlobalLut({ settings: { ...plan.global, toneRegions: false }, size });
  const separable = new Float32Array(3 * 256);
  for (let c = 0; c < 3; c++) separable.set(lut.separable[c], c * 256);
  let grid: Float32Array | null = null;
  if (lut.grid) {
    grid = new Float32Array(lut.grid.length * 3);
    for (let p = 0; p < lut.grid.length; p++) {
      const packed = lut.grid[p];
      const r = Math.floor(packed / 2 ** 34);
      const g = Math.floor((packed - r * 2 ** 34) / 2 ** 17);
      const b = packed - r * 2 ** 34 - g * 2 ** 17;
      grid[p * 3] = (r - NODE_OFFSET) / 510;
      grid[p * 3 + 1] = (g - NODE_OFFSET) / 510;
      grid[p * 3 + 2] = (b - NODE_OFFSET) / 510;
    }
  }
  return {
    engineVersion: ENGINE_VERSION,
    size,
    separable,
    grid,
    spatial: spatialStagesOf(plan),
    applied: plan.applied,
    notRendered: plan.notRendered,
  };
}

/** Little-endian base64 of a Float32Array (universal: no Buffer). */
export function float32ToBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    parts.push(A[(n >> 18) & 63] + A[(n >> 12) & 63] + (left > 1 ? A[(n >> 6) & 63] : "=") + (left > 2 ? A[n & 63] : "="));
  }
  return parts.join("");
}

/** JSON wire form of a {@link BakedPlan}: float arrays as little-endian float32 base64. */
export type BakedPlanJson = Omit<BakedPlan, "separable" | "grid"> & {
  separable: string;
  grid: string | null;
  encoding: "float32le-base64";
};

export function bakedPlanToJson(plan: BakedPlan): BakedPlanJson {
  return {
    ...plan,
    encoding: "float32le-base64",
    separable: float32ToBase64(plan.separable),
    grid: plan.grid ? float32ToBase64(plan.grid) : null,
  };
}

/** The wire plan of one raw edit (crs keys or aliases), with the problems normalisation found. */
export function bakeEditPlanJson({ edit, size }: { edit: Record<string, unknown>; size?: number }): BakedPlanJson & { issues: string[] } {
  const { params, issues } = normalizeParams(edit);
  return { ...bakedPlanToJson(bakePlan({ params, size })), issues: issues.map((i) => `${i.key}: ${i.message}`) };
}
