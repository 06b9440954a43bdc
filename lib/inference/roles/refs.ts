import { z } from "zod";
import { normalizeParams, pruneDefaults, type DevelopParams } from "@/lib/develop/params";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "not a sha256");

/** An image: a stored one by sha256 (blob store), or raw encoded bytes (tests, ad-hoc calls). */
export const imageRef = z.union([
  z.object({ sha256 }),
  z.object({ bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength > 0, "expected image bytes") }),
]);
export type ImageRef = z.output<typeof imageRef>;

/** Develop parameters, normalised to canonical form (so equal edits hash equally). */
export const developParams = z.record(z.string(), z.unknown()).transform((p): DevelopParams => pruneDefaults(normalizeParams(p).params));

/** An edit to judge: parameters rendered onto the source image, or an already rendered image. */
export const editRef = z.union([z.object({ params: developParams }), z.object({ image: imageRef })]);
export type EditRef = z.output<typeof editRef>;

/** What the backend must show the model: a stored/raw image, or params rendered onto one. */
export type Visual = { kind: "image"; ref: ImageRef } | { kind: "render"; source: ImageRef; params: DevelopParams };

/** The visual for an edit of `source`. */
export const editVisual = (source: ImageRef, edit: EditRef): Visual =>
  "params" in edit ? { kind: "render", source, params: edit.params } : { kind: "image", ref: edit.image };

export const instruction = z.string().trim().min(1, "the instruction is empty").max(4000);
