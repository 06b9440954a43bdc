// Public API of the training domain: what trainers call the platform for.
export { bakeRenderPlans, bakeRenderPlansInput, MAX_PLAN_EDITS } from "./bake-render-plans";
export type { RenderPlanResult } from "./bake-render-plans";
