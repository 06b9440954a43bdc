import type { z } from "zod";
import { validationError } from "./errors";

/** zod-parses a verb's input, throwing a VALIDATION AppError on failure. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}
