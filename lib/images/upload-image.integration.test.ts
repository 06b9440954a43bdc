import { readdirSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { images } from "@/db/schema";
import { createContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { getBlobStore } from "@/lib/storage";
import { makeActor } from "@/test/actors";
import { badUploads, samplePhoto, uniquePhoto } from "@/test/images";
import { uploadImage } from "./upload-image";

const blobCount = () => {
  const root = process.env.STORAGE_DIR!;
  let n = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${dir}/${e.name}`);
      else n++;
    }
  };
  walk(root);
  return n;
};

describe("uploadImage", () => {
  it("stores a real photo once and marks it pending for the ingest worker", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const bytes = await uniquePhoto("chelsea-cat.jpg");
    const first = await uploadImage({ ctx, input: { bytes, filename: "chelsea-cat.jpg" } });
    const second = await uploadImage({ ctx, input: { bytes, filename: "copy.jpg" } });
    expect(first.duplicate).toBe(false);
    expect(second).toMatchObject({ sha256: first.sha256, duplicate: true });
    const rows = await getDb().select().from(images).where(eq(images.sha256, first.sha256));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "pending", originalName: "chelsea-cat.jpg" });
    expect(await getBlobStore().has(first.sha256)).toBe(true);
  });

  it.each(badUploads())("refuses $name with a clear $code error and writes nothing", async ({ name, bytes, code }) => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const before = { blobs: blobCount(), rows: (await getDb().select().from(images)).length };
    const error = await uploadImage({ ctx, input: { bytes, filename: name } }).catch((e) => e);
    expect(isAppError(error) && error.code).toBe("VALIDATION");
    expect((error.details as { code: string }).code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(blobCount()).toBe(before.blobs);
    expect((await getDb().select().from(images)).length).toBe(before.rows);
  });

  it("refuses annotators (uploads need the researcher role)", async () => {
    const ctx = createContext({ actor: await makeActor("annotator") });
    const error = await uploadImage({ ctx, input: { bytes: samplePhoto(), filename: "x.jpg" } }).catch((e) => e);
    expect(error.code).toBe("FORBIDDEN");
    const rows = await getDb()
      .select()
      .from(images)
      .where(inArray(images.originalName, ["x.jpg"]));
    expect(rows).toHaveLength(0);
  });
});
