import "server-only";
import { z } from "zod";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { insertBenchmark } from "./insert-benchmark";

/** The instruction FiveK-style items are run with (FiveK has none; the expert target is the reference). */
export const FIVEK_INSTRUCTION = "Enhance this photo.";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "not a sha256");

/** One manifest line: images already uploaded (by sha256), an optional instruction and split. */
export const benchmarkManifestItem = z.object({
  source: sha256,
  reference: sha256,
  instruction: z.string().trim().min(1).max(4000).optional(),
  split: z.string().trim().min(1).max(40).optional(),
  id: z.string().trim().max(200).optional(),
});

export const importBenchmarkInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** `manifest`: instruction per item (split defaults to `all`); `fivek`: input → expert target, no instruction, split `fivek`. */
  kind: z.enum(["manifest", "fivek"]).default("manifest"),
  description: z.string().trim().max(2000).optional(),
  items: z.array(benchmarkManifestItem).min(1).max(20_000),
});

/**
 * Imports an external benchmark from a manifest (parsed JSON lines). FiveK
 * protocol: each item is (input, expert C target); items carry no
 * instruction and runs use {@link FIVEK_INSTRUCTION}; scored by PSNR, SSIM
 * (and LPIPS when a scorer is configured). A manifest item without an
 * instruction also runs with that fixed instruction.
 */
export async function importBenchmark({ ctx, input }: { ctx: Ctx; input: z.input<typeof importBenchmarkInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { name, kind, description, items } = parseInput(importBenchmarkInput, input);
  const fivek = kind === "fivek";
  return insertBenchmark({
    ctx,
    benchmark: {
      name,
      kind,
      description,
      config: fivek
        ? { protocol: "MIT-Adobe FiveK: input → expert C, 8-bit sRGB", instruction: FIVEK_INSTRUCTION }
        : { instruction: FIVEK_INSTRUCTION },
    },
    items: items.map((i) => ({
      instruction: fivek ? null : (i.instruction ?? null),
      sourceSha: i.source,
      referenceSha: i.reference,
      split: fivek ? "fivek" : (i.split ?? "all"),
      externalId: i.id ?? null,
    })),
  });
}

/** Parses a JSONL manifest (one item per line; blank lines and `#` comments skipped) into items. */
export function parseBenchmarkManifest(text: string): unknown[] {
  return text.split(/\r?\n/).flatMap((raw, n) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      // Kept as an item so validation names the file line that is wrong.
      return [{ line: n + 1, error: "not JSON" }];
    }
  });
}

export const importBenchmarkManifestInput = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(["manifest", "fivek"]).default("manifest"),
  /** JSON lines, one item each (see {@link parseBenchmarkManifest}). */
  manifest: z.string().min(1).max(5_000_000, "paste at most 5 MB; POST larger manifests to /api/v1/eval/benchmarks"),
});

/** {@link importBenchmark} from the text of a JSON-lines manifest (the UI's paste box). */
export async function importBenchmarkManifest({ ctx, input }: { ctx: Ctx; input: z.input<typeof importBenchmarkManifestInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { name, kind, manifest } = parseInput(importBenchmarkManifestInput, input);
  return importBenchmark({ ctx, input: { name, kind, items: parseBenchmarkManifest(manifest) as never } });
}
