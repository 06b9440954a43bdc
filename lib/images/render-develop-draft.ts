import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { images } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { canonicalParams, ENGINE_VERSION, renderImage, type DevelopParams } from "@/lib/develop";
import { parseEdit } from "@/lib/edits";
import { AppError } from "@/lib/errors";
import { decodeImage, encodeImage } from "@/lib/imaging";
import { parseInput } from "@/lib/parse-input";
import { getBlobStore } from "@/lib/storage";

/**
 * Longest edit a draft URL carries, in characters of canonical JSON (a real export with a few
 * masks is 1–4 KB): with URL encoding the request line stays well inside Node's 16 KB header
 * limit. A longer edit gets no server draft; the page then waits for its worker's first frame.
 */
export const DRAFT_PARAMS_MAX_CHARS = 6_000;
/** A draft is replaced within a second by the worker's frames: quality enough not to show blocks when scaled up. */
const DRAFT_JPEG_QUALITY = 85;

const input = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "a 64-character lowercase hex SHA-256"),
  params: z.string().max(DRAFT_PARAMS_MAX_CHARS, `at most ${DRAFT_PARAMS_MAX_CHARS} characters`),
});

/**
 * The URL of a photo's Develop draft with `params`, or null when the edit is too long to carry
 * in a URL. The engine version is part of it: the bytes behind a URL never change, so browsers
 * keep them (a new engine is a new URL).
 */
export function developDraftUrl(sha256: string, params: DevelopParams): string | null {
  const text = canonicalParams(params);
  if (text.length > DRAFT_PARAMS_MAX_CHARS) return null;
  return `/api/v1/images/${sha256}/develop-draft?engine=${ENGINE_VERSION}&params=${encodeURIComponent(text)}`;
}

/** Whether a request's `engine` is this server's: only then may the answer be kept as immutable. */
export const isCurrentEngine = (engine: string | null) => engine === String(ENGINE_VERSION);

/**
 * A photo's thumbnail (320 px) rendered with an edit by the develop engine, as JPEG: the first
 * picture the Develop page shows. It is in the page's HTML, so the browser fetches it while the
 * page's scripts load and its preview worker starts, which on two cores takes 400–600 ms to a
 * first frame; the worker's own draft of the same thumbnail then takes over. `params` is edit
 * text in any format parseEdit reads (the page sends canonical JSON), read as the page reads it.
 * Costs the server a decode and an encode (sharp's threads) and one render of 81k pixels on the
 * event loop: 1–3 ms for a global edit, ~12 ms with Highlights/Shadows, ~30 ms with dehaze
 * (scripts measured on this machine, 2026-12-02).
 */
export async function renderDevelopDraft({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof input> }) {
  requireActor(ctx.actor);
  const { sha256, params } = parseInput(input, raw);
  const [row] = await ctx.db
    .select({ thumbnailKey: images.thumbnailKey, status: images.status })
    .from(images)
    .where(eq(images.sha256, sha256))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No image ${sha256}`);
  if (!row.thumbnailKey) throw new AppError("CONFLICT", `The thumbnail of ${sha256} is not ready yet (status ${row.status})`);
  const bytes = await getBlobStore().get(row.thumbnailKey);
  if (!bytes) throw new AppError("NOT_FOUND", `Blob ${row.thumbnailKey} is missing from storage`);
  const decoded = await decodeImage(bytes);
  const { image } = renderImage({ image: decoded, params: parseEdit(params).params });
  const jpeg = await encodeImage(
    {
      data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength),
      width: image.width,
      height: image.height,
      channels: image.channels,
    },
    { format: "jpeg", quality: DRAFT_JPEG_QUALITY },
  );
  return { bytes: jpeg, contentType: "image/jpeg" };
}
