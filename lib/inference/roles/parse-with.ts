import { z } from "zod";
import { FormatError } from "../parsers/format-error";

/** zod-parses a model's answer; a mismatch is the model's format failure, not a bug. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new FormatError(r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "));
}

/** JSON schema for `response_format`, from the same zod the answer is checked with. */
export const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: "draft-7", io: "input", unrepresentable: "any" }) as Record<string, unknown>;

/** The first answer's text (roles that take one sample). */
export function single<T>(answers: T[]): T {
  if (answers.length === 0) throw new FormatError("the server returned no choices");
  return answers[0];
}
