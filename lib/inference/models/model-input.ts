import { z } from "zod";
import { IMAGE_TRANSPORTS, MODEL_BACKENDS, MODEL_ROLES } from "@/db/schema/models";

/** Fields an admin sets on a model (create, and all optional on update). */
export const modelFields = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(MODEL_ROLES),
  backend: z.enum(MODEL_BACKENDS),
  endpoint: z
    .string()
    .trim()
    .url("endpoint must be a URL such as http://host:8000/v1")
    .refine((u) => /^https?:\/\//.test(u), "endpoint must be http(s)")
    .nullish(),
  servedModel: z.string().trim().min(1).max(200).nullish(),
  pixelBudget: z.coerce.number().int().min(4_096).max(50_000_000).optional(),
  concurrency: z.coerce.number().int().min(1).max(1024).optional(),
  promptVersion: z
    .string()
    .regex(/^[\w.-]+$/, "a version name such as v1")
    .optional(),
  temperature: z.coerce.number().min(0).max(2).optional(),
  maxTokens: z.coerce.number().int().min(1).max(262_144).optional(),
  timeoutMs: z.coerce.number().int().min(100).max(3_600_000).optional(),
  maxRetries: z.coerce.number().int().min(0).max(10).optional(),
  formatRetries: z.coerce.number().int().min(0).max(5).optional(),
  imageTransport: z.enum(IMAGE_TRANSPORTS).optional(),
  imageUrlTemplate: z.string().trim().max(500).nullish(),
  structuredOutput: z.boolean().optional(),
  extraBody: z.record(z.string(), z.unknown()).optional(),
  /** Name of the env var that holds the API key (preferred: the key never touches the database). */
  apiKeyEnv: z
    .string()
    .trim()
    .max(110)
    .regex(/^MODEL_KEY_[A-Z0-9_]+$/, "an env var name starting with MODEL_KEY_, such as MODEL_KEY_GRM")
    .nullish(),
  /** Write-only: stored encrypted, never returned. Empty string clears it. */
  apiKey: z.string().max(1000).optional(),
});

type ModelShape = {
  backend: string;
  endpoint?: string | null;
  servedModel?: string | null;
  imageTransport?: string;
  imageUrlTemplate?: string | null;
};

/** Cross-field rules for a complete model. */
export function modelIssues(m: ModelShape): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (m.backend === "openai-compatible") {
    if (!m.endpoint) issues.push({ path: ["endpoint"], message: "an openai-compatible model needs an endpoint" });
    if (!m.servedModel) issues.push({ path: ["servedModel"], message: "an openai-compatible model needs the served model name" });
  }
  if (m.imageTransport === "http-url" && !m.imageUrlTemplate?.includes("{sha256}")) {
    issues.push({ path: ["imageUrlTemplate"], message: "the http-url transport needs a URL template containing {sha256}" });
  }
  return issues;
}

/** {@link modelIssues} as a zod refinement. */
export const checkModel = (m: ModelShape, ctx: z.RefinementCtx) => modelIssues(m).forEach((i) => ctx.addIssue({ code: "custom", ...i }));
