import { applyClarity } from "./clarity";
import { applyDehaze } from "./dehaze";
import { applyDenoise } from "./denoise";
import { applyGrain } from "./grain";
import { applyLocalCorrections } from "./local-corrections";
import { buildCorrectionMask } from "./masks/build-correction-mask";
import type { RenderPlan } from "./plan-render";
import { applySharpen } from "./sharpen";
import { applyTexture } from "./texture";
import type { FloatImage } from "./types";
import { applyVignette } from "./vignette";

/**
 * The spatial tail in place on a linear image: masks are built once from the globally edited
 * image; then noise reduction → texture → clarity → dehaze (global amount plus each correction's local amount through
 * its mask) → local tone/colour corrections → vignette → grain → sharpening.
 */
export function runSpatialStages({ image, plan, seed }: { image: FloatImage; plan: RenderPlan; seed: number }): FloatImage {
  const weights = plan.corrections.map((c) => buildCorrectionMask({ masks: c.masks, image, amount: c.amount }));
  const localMap = (key: "clarity" | "texture" | "dehaze" | "sharpness"): Float32Array | null => {
    const used = plan.corrections.map((c, i) => [c[key], weights[i]] as const).filter(([v]) => v !== 0);
    if (used.length === 0) return null;
    const map = new Float32Array(image.width * image.height);
    for (const [v, w] of used) for (let p = 0; p < map.length; p++) map[p] += v * w[p];
    return map;
  };
  if (plan.denoise) applyDenoise({ image, ...plan.denoise });
  const { texture, clarity, dehaze } = plan.presence;
  const textureMap = localMap("texture");
  if (texture || textureMap) applyTexture({ image, amount: texture, amountMap: textureMap });
  const clarityMap = localMap("clarity");
  if (clarity || clarityMap) applyClarity({ image, amount: clarity, amountMap: clarityMap });
  const dehazeMap = localMap("dehaze");
  if (dehaze || dehazeMap) applyDehaze({ image, amount: dehaze, amountMap: dehazeMap });
  if (plan.corrections.length > 0) {
    applyLocalCorrections({ image, corrections: plan.corrections.map((c, i) => ({ ...c, weight: weights[i] })) });
  }
  if (plan.vignette) applyVignette({ image, ...plan.vignette });
  if (plan.grain) applyGrain({ image, ...plan.grain, seed });
  if (plan.sharpen) applySharpen({ image, ...plan.sharpen, amountMap: localMap("sharpness") });
  return image;
}
