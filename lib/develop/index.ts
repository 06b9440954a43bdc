// Public API of the develop engine: parameter schema (params/), XMP (xmp/), and the renderer.
export { renderImage, renderExact, prepareGlobalRender, ENGINE_VERSION, gridSizeFor } from "./render";
export type { PreparedRender, RenderOptions, RenderReport, RenderResult } from "./render";
export type { Image8 } from "./pipeline/decode";
export type { NotRendered } from "./pipeline/plan-render";
export * from "./params";
export * from "./xmp";
export { bakePlan, bakedPlanToJson, bakeEditPlanJson, float32ToBase64, SPATIAL_STAGES } from "./bake-plan";
export type { BakedPlan, BakedPlanJson, SpatialStage } from "./bake-plan";
