import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { images } from "@/db/schema";
import { createContext } from "@/lib/context";
import { renderImage, type DevelopParams } from "@/lib/develop";
import { decodeImage } from "@/lib/imaging";
import { getBlobStore } from "@/lib/storage";
import { makeActor } from "@/test/actors";
import { uniquePhoto } from "@/test/images";
import { ingestImage } from "./ingest-image";
import { developDraftUrl, DRAFT_PARAMS_MAX_CHARS, renderDevelopDraft } from "./render-develop-draft";
import { uploadImage } from "./upload-image";

async function readyPhoto(name: string) {
  const ctx = createContext({ actor: await makeActor("researcher") });
  const { sha256 } = await uploadImage({ ctx, input: { bytes: await uniquePhoto(name), filename: name } });
  await ingestImage({ ctx, input: { sha256 } });
  const [row] = await ctx.db.select().from(images).where(eq(images.sha256, sha256));
  return { ctx, sha256, thumbnail: (await getBlobStore().get(row.thumbnailKey!))! };
}

/** The `params` a draft URL carries, as the route reads them. */
const paramsOf = (url: string) => new URL(url, "http://x").searchParams.get("params")!;

const meanAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
};

describe("renderDevelopDraft", () => {
  it("renders the thumbnail with the edit in the page's URL: the engine's pixels, within JPEG's loss", async () => {
    const { ctx, sha256, thumbnail } = await readyPhoto("coffee.jpg");
    const params: DevelopParams = { Exposure2012: 0.8, Highlights2012: -40, Shadows2012: 25, Vibrance: 20 };
    const url = developDraftUrl(sha256, params)!;
    expect(url).toMatch(new RegExp(`^/api/v1/images/${sha256}/develop-draft\\?engine=\\d+&params=`));

    const draft = await renderDevelopDraft({ ctx, input: { sha256, params: paramsOf(url) } });
    expect(draft.contentType).toBe("image/jpeg");
    const got = await decodeImage(draft.bytes);
    const source = await decodeImage(thumbnail);
    const expected = renderImage({ image: source, params }).image;
    expect([got.width, got.height]).toEqual([source.width, source.height]);
    expect(meanAbsDiff(got.data, expected.data)).toBeLessThan(5); // measured 3.4 (JPEG q85, 4:2:0)
    // …and not the untouched thumbnail: the edit is in it.
    expect(meanAbsDiff(got.data, source.data)).toBeGreaterThan(10);
    const { channels } = await sharp(draft.bytes).greyscale().stats();
    const { channels: before } = await sharp(thumbnail).greyscale().stats();
    expect(channels[0].mean).toBeGreaterThan(before[0].mean + 10);
  });

  it("refuses the anonymous, unknown or unready photos and over-long edits with a message", async () => {
    const { ctx, sha256 } = await readyPhoto("astronaut.jpg");
    await expect(renderDevelopDraft({ ctx: createContext({ actor: null }), input: { sha256, params: "{}" } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    // A hash no test stores (other tests' rows share this database).
    const unknown = randomBytes(32).toString("hex");
    await expect(renderDevelopDraft({ ctx, input: { sha256: unknown, params: "{}" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renderDevelopDraft({ ctx, input: { sha256: "../etc", params: "{}" } })).rejects.toMatchObject({ code: "VALIDATION" });
    const long = "x".repeat(DRAFT_PARAMS_MAX_CHARS + 1);
    await expect(renderDevelopDraft({ ctx, input: { sha256, params: long } })).rejects.toMatchObject({ code: "VALIDATION" });

    const pending = await uploadImage({ ctx, input: { bytes: await uniquePhoto("coffee.jpg"), filename: "pending.jpg" } });
    await expect(renderDevelopDraft({ ctx, input: { sha256: pending.sha256, params: "{}" } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/not ready/),
    });
  });

  it("gives no URL for an edit too long to carry in one", () => {
    const curve = Array.from({ length: 400 }, (_, i) => [i % 256, (i * 7) % 256]);
    const masks = Array.from({ length: 40 }, () => ({
      CorrectionAmount: 1,
      LocalExposure2012: 0.123456,
      CorrectionMasks: [{ What: "Mask/CircularGradient", Top: 0.1, Left: 0.2, Bottom: 0.7, Right: 0.9, Feather: 0.5 }],
    }));
    expect(developDraftUrl("a".repeat(64), { ToneCurvePV2012: curve, MaskGroupBasedCorrections: masks } as DevelopParams)).toBeNull();
  });

  it("reads a malformed edit as the page does (nothing rendered from it), not as an error", async () => {
    const { ctx, sha256, thumbnail } = await readyPhoto("coffee.jpg");
    const draft = await renderDevelopDraft({ ctx, input: { sha256, params: "{exposure=+lots; <b>" } });
    const got = await decodeImage(draft.bytes);
    expect(meanAbsDiff(got.data, (await decodeImage(thumbnail)).data)).toBeLessThan(3);
  });
});
