import "server-only";
import { createHash } from "node:crypto";
import { sha256Hex } from "@/lib/imaging/content-hash";

/**
 * The input as it is logged and hashed: raw image bytes become their sha256
 * (so the log never holds pixels and two uploads of the same bytes hash the
 * same), object keys are sorted.
 */
export function loggableInput(value: unknown): unknown {
  if (value instanceof Uint8Array) return { sha256: sha256Hex(value) };
  if (Array.isArray(value)) return value.map(loggableInput);
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.bytes instanceof Uint8Array && Object.keys(o).length === 1) return { sha256: sha256Hex(o.bytes) };
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .filter((k) => o[k] !== undefined)
        .map((k) => [k, loggableInput(o[k])]),
    );
  }
  return value;
}

/** What makes two requests identical: role, model and its sampling, prompt version and inputs. */
export type RequestIdentity = {
  role: string;
  model: { id: string | null; name: string; backend: string; endpoint: string | null; servedModel: string | null; temperature: number };
  promptVersion: string;
  input: unknown;
};

/** sha256 of a request's identity (the cache key of deterministic calls). */
export const requestHash = (identity: RequestIdentity) =>
  createHash("sha256")
    .update(JSON.stringify(loggableInput(identity)))
    .digest("hex");
