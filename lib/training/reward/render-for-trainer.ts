import "server-only";
import { z } from "zod";
import { requireScope } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseEdit } from "@/lib/edits";
import { AppError } from "@/lib/errors";
import { renderStoredImage } from "@/lib/imaging";
import { parseInput } from "@/lib/parse-input";

export const renderForTrainerInput = z.object({
  source_sha: z.string().regex(/^[0-9a-f]{64}$/, "not a sha256"),
  /** An edit in any lib/edits format (JarvisArt, RetouchIQ, JSON) or a params object. */
  edit: z.union([z.string().min(1).max(32_000), z.record(z.string(), z.unknown())]),
  size: z.enum(["preview", "full"]).default("preview"),
});

/**
 * `POST /api/v1/render` for trainers: Execute(I0, edit) through the same
 * cached renderer the UI and the reward service use. Returns the render's
 * blob key and where to fetch it; refuses an edit with no usable parameters.
 */
export async function renderForTrainer({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireScope(ctx.actor, "reward");
  const o = parseInput(renderForTrainerInput, input);
  const parsed = parseEdit(typeof o.edit === "string" ? o.edit : JSON.stringify(o.edit));
  if (Object.keys(parsed.params).length === 0 && parsed.format === "unknown")
    throw new AppError("VALIDATION", `The edit has no usable parameters: ${parsed.issues.map((i) => i.message).join("; ")}`);
  const r = await renderStoredImage({
    ctx: { ...ctx, system: true },
    input: { sourceSha: o.source_sha, params: parsed.params, size: o.size },
  });
  return {
    image_sha: r.outputKey,
    url: `/api/v1/blobs/${r.outputKey}`,
    width: r.width,
    height: r.height,
    cached: r.cached,
    not_rendered: r.notRendered,
    issues: parsed.issues.map((i) => i.message),
  };
}
