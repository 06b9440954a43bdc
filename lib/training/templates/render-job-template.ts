import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Engines with a job template in training/<engine>/job-template.<version>.json. */
export const TEMPLATE_ENGINES = ["easyr1", "verl"] as const;
export type TemplateEngine = (typeof TEMPLATE_ENGINES)[number];

const templateFile = z.object({
  engine: z.enum(TEMPLATE_ENGINES),
  version: z.string(),
  command: z.array(z.string()).min(1),
  overrides: z.record(z.string(), z.string()),
  rewardFunctions: z.object({ policy: z.string(), reward: z.string() }),
  runtimeEnv: z.object({ env_vars: z.record(z.string(), z.string()) }),
  checkpointGlob: z.string(),
});

/** The values a template needs; defaults follow the engines' example configs (ENGINES.md). */
export const templateVars = z.object({
  runId: z.string().min(1),
  kind: z.enum(["policy", "reward"]),
  /** The round: a policy run is rewarded by this round's reward model. */
  round: z.number().int().min(0).default(0),
  dataDir: z.string().regex(/^\//, "absolute path on the training nodes"),
  hasVal: z.boolean().default(false),
  modelPath: z.string().min(1),
  checkpointDir: z.string().regex(/^\//, "absolute path on the training nodes"),
  rewardUrl: z.url().default("http://localhost:3000/api/v1/rewards/policy:batch"),
  apiToken: z.string().default(""),
  experiment: z.string().min(1),
  maxPixels: z.number().int().positive().default(262_144),
  maxPromptLength: z.number().int().positive().default(4096),
  rolloutBatchSize: z.number().int().positive().default(512),
  groupSize: z.number().int().positive().default(5),
  lr: z.number().positive().default(1e-6),
  klCoef: z.number().nonnegative().default(1e-2),
  nnodes: z.number().int().positive().default(1),
  gpusPerNode: z.number().int().positive().default(8),
  saveFreq: z.number().int().positive().default(5),
  rewardTimeoutS: z.number().int().positive().default(600),
});
export type TemplateVars = z.input<typeof templateVars>;

export type RenderedJob = {
  engine: TemplateEngine;
  templateVersion: string;
  argv: string[];
  /** `argv` as one shell-safe string: Ray's `entrypoint`. */
  entrypoint: string;
  overrides: Record<string, string>;
  runtimeEnv: { env_vars: Record<string, string> };
  checkpointGlob: string;
};

/** Quotes one argument for a POSIX shell (single quotes, `'` escaped). */
export const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'"'"'`)}'`);

/**
 * Renders `training/<engine>/job-template.<version>.json` into the command a
 * trainer runs (EasyR1 OmegaConf dotlist, verl Hydra overrides). Every
 * `{{var}}` must resolve; an unknown one is an error, never left in a config.
 * The reward function and images per row follow `kind` (policy: 1 image and
 * the reward service; reward model: 3 images and the local PGRT rule).
 */
export function renderJobTemplate({
  engine,
  version = "v1",
  vars,
  root = process.cwd(),
}: {
  engine: TemplateEngine;
  version?: string;
  vars: TemplateVars;
  root?: string;
}): RenderedJob {
  if (!/^v\d+$/.test(version)) throw new RangeError(`bad template version ${version}`);
  const t = templateFile.parse(JSON.parse(readFileSync(path.join(root, "training", engine, `job-template.${version}.json`), "utf8")));
  const v = templateVars.parse(vars);
  const rewardFn = t.rewardFunctions[v.kind];
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])),
    valFile: v.hasVal ? "val.parquet" : "train.parquet",
    imagesPerRow: v.kind === "policy" ? "1" : "3",
    rewardFunction: rewardFn,
    rewardFunctionPath: rewardFn,
    // Policy rewards call the service in batches (verl #1507); the PGRT rule is per sample.
    rewardManager: v.kind === "policy" ? "batch" : "naive",
    rewardFunctionName: v.kind === "policy" ? "compute_score_batch" : "compute_score",
  };
  const fill = (s: string) =>
    s.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in values)) throw new RangeError(`template ${engine}.${version} uses unknown variable {{${name}}}`);
      return values[name];
    });
  const overrides = Object.fromEntries(Object.entries(t.overrides).map(([k, x]) => [k, fill(x)]));
  const argv = [...t.command, ...Object.entries(overrides).map(([k, x]) => `${k}=${x}`)];
  return {
    engine,
    templateVersion: t.version,
    argv,
    entrypoint: argv.map(shellQuote).join(" "),
    overrides,
    runtimeEnv: { env_vars: Object.fromEntries(Object.entries(t.runtimeEnv.env_vars).map(([k, x]) => [k, fill(x)])) },
    checkpointGlob: fill(t.checkpointGlob),
  };
}
