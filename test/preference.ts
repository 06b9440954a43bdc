// Fixtures for preference tests: an accepted instruction on a small stored photo.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { getDb } from "@/db/client";
import { images, instructions, trajectories } from "@/db/schema";
import { getBlobStore } from "@/lib/storage";
import { uniquePhoto } from "./images";

/** A stored 256-px photo (unique bytes), ready for renders. */
export async function storedPhoto(name = "coffee.jpg"): Promise<string> {
  const bytes = new Uint8Array(
    await sharp(await uniquePhoto(name))
      .resize(256, 256, { fit: "inside" })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
  const { key } = await getBlobStore().put(bytes, { contentType: "image/jpeg" });
  const meta = await sharp(bytes).metadata();
  await getDb()
    .insert(images)
    .values({
      sha256: key,
      status: "ready",
      format: "jpeg",
      bytes: bytes.byteLength,
      width: meta.width!,
      height: meta.height!,
      previewKey: key,
      thumbnailKey: key,
    })
    .onConflictDoNothing();
  return key;
}

/** A trajectory with `params` and one accepted instruction `text` (not written by the heuristic annotator). */
export async function acceptedInstruction({
  params,
  text,
  photo = "coffee.jpg",
  split = "train",
  targetSha = null,
}: {
  params: Record<string, unknown>;
  text: string;
  photo?: string;
  split?: "train" | "test";
  targetSha?: string | null;
}) {
  const sourceSha = await storedPhoto(photo);
  const [t] = await getDb()
    .insert(trajectories)
    .values({ sourceSha, targetSha, params, origin: "synthetic", status: "accepted", split, contentKey: randomUUID() })
    .returning();
  const [i] = await getDb()
    .insert(instructions)
    .values({
      trajectoryId: t.id,
      version: 1,
      variant: "medium",
      text,
      modelName: "hand-written",
      backend: "heuristic",
      promptVersion: "test",
      status: "accepted",
    })
    .returning();
  return { trajectory: t, instruction: i, sourceSha };
}
