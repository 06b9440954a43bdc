import { z } from "zod";
import { CATEGORIES, SPLITS } from "@/db/schema/trajectories";
import { plainText } from "@/lib/validation";

const path = plainText(1000).pipe(z.string().min(1));

/** One manifest line, as a researcher writes it. Paths are relative to the manifest. */
export const manifestRowSchema = z
  .object({
    before: z.string().min(1, "before is required").pipe(path),
    after: path.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    xmp: path.optional(),
    id: z
      .union([plainText(200), z.number()])
      .transform(String)
      .optional(),
    split: z.enum(SPLITS).optional(),
    category: z.enum(CATEGORIES).optional(),
    license: plainText(1000).optional(),
    consent: z
      .union([plainText(1000), z.boolean()])
      .transform(String)
      .optional(),
    /** `preset-derived` marks generated material (scripts/make-preset-corpus.ts); default `import`. */
    origin: z.enum(["import", "preset-derived"]).optional(),
  })
  .refine((r) => (r.params === undefined) !== (r.xmp === undefined), "give exactly one of params or xmp");

/**
 * The unit an import processes, whether it came from a manifest line or a
 * folder's `name.jpg` + `name.xmp`: `line` is the manifest line (1-based) or
 * the item's position in the folder listing, so every report can point at it.
 */
export type ImportItem = z.output<typeof manifestRowSchema> & { line: number; ref: string };

/** A row that could not even be read; reported with its line, never thrown. */
export type ItemError = { line: number; ref: string; reason: string };
