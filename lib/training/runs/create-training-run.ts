import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { TRAINER_BACKENDS, TRAINING_RUN_KINDS, trainingExports, trainingRuns } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { TEMPLATE_ENGINES } from "../templates/render-job-template";
import { LOCAL_TRAINERS, localCommandTemplate } from "./get-trainers";

export const createTrainingRunInput = z.object({
  kind: z.enum(TRAINING_RUN_KINDS),
  backend: z.enum(TRAINER_BACKENDS),
  /** `easyr1` / `verl` job templates for Ray; `command` for the local subprocess. */
  engine: z.enum([...TEMPLATE_ENGINES, "command"]).default("command"),
  exportId: z.uuid(),
  roundId: z.uuid().optional(),
  round: z.number().int().min(0).max(10_000).default(0),
  parentModelId: z.uuid().optional(),
  /** Base model path/id for the engine (ray) — e.g. Qwen/Qwen2.5-VL-7B-Instruct or the previous round's checkpoint. */
  modelPath: z.string().max(500).default("Qwen/Qwen2.5-VL-7B-Instruct"),
  /** Where the platform serves the trained checkpoint for the smoke call; none → the heuristic stands in (labelled). */
  serveEndpoint: z.url().optional(),
  /** Local command override (argv with placeholders). */
  command: z.array(z.string().max(1000)).min(1).max(100).optional(),
  /** A named local trainer (`smoke`, `compact`) instead of a command; neither → TRAINER_LOCAL_COMMAND or smoke. */
  trainer: z.enum(LOCAL_TRAINERS).optional(),
  /** A policy run's reward model (the compact trainer's GRPO scores with it): `{rewardCheckpoint}`. */
  rewardModelId: z.uuid().optional(),
});

/**
 * Records a training run (`pending`); the `advance-training-run` job submits
 * and follows it. The submission id `run-<id>-<kind>` is what makes a
 * retried submit idempotent on Ray and on the local backend alike.
 */
export async function createTrainingRun({ ctx, input }: { ctx: Ctx; input: z.input<typeof createTrainingRunInput> }) {
  const actor = ctx.system ? null : requireRole(ctx.actor, ["researcher"]);
  const o = parseInput(createTrainingRunInput, input);
  if (o.backend === "ray" && o.engine === "command") throw new AppError("VALIDATION", "Ray runs use an engine template (easyr1 or verl)");
  if (o.backend === "local" && o.engine !== "command") throw new AppError("VALIDATION", "Local runs run a command (engine: command)");
  const [exp] = await ctx.db.select({ id: trainingExports.id }).from(trainingExports).where(eq(trainingExports.id, o.exportId)).limit(1);
  if (!exp) throw new AppError("NOT_FOUND", "No such export");
  const id = crypto.randomUUID();
  const argv = o.command ?? (o.backend === "local" ? localCommandTemplate(o.trainer) : []);
  const [row] = await ctx.db
    .insert(trainingRuns)
    .values({
      id,
      roundId: o.roundId ?? null,
      kind: o.kind,
      backend: o.backend,
      engine: o.engine,
      templateVersion: o.engine === "command" ? "command" : "v1",
      exportId: o.exportId,
      submissionId: `run-${id}-${o.kind}`,
      entrypoint: argv.join(" "),
      config: {
        round: o.round,
        parentModelId: o.parentModelId ?? null,
        rewardModelId: o.rewardModelId ?? null,
        modelPath: o.modelPath,
        serveEndpoint: o.serveEndpoint ?? null,
        argv,
      },
      createdBy: actor?.id ?? null,
    })
    .returning();
  return row;
}
