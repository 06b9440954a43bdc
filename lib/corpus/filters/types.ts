import type { FilterReason } from "@/db/schema/corpus";
import type { DevelopParams } from "@/lib/develop";

/** What every filter looks at: the edit and the annotator's output for it. */
export type FilterInput = {
  params: DevelopParams;
  intentions: { short: string; medium: string; long: string };
  reasoning: string;
};

/** A filter returns why it rejects the annotation, or null to let it through. */
export type AnnotationFilter = (input: FilterInput) => FilterReason | null;
export type { FilterReason };
