import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createContext } from "@/lib/context";
import { uploadImage } from "@/lib/images";
import { getBlobStore } from "@/lib/storage";
import { makeActor } from "@/test/actors";
import { uniquePhoto } from "@/test/images";
import { renderStoredImage } from "./render-stored-image";

const meanLuma = async (bytes: Uint8Array) => {
  const { channels } = await sharp(bytes).greyscale().stats();
  return channels[0].mean;
};

describe("renderStoredImage", () => {
  it("renders a stored photo, stores the JPEG by hash and serves the second request from the cache", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const bytes = await uniquePhoto("coffee.jpg");
    const { sha256, width, height } = await uploadImage({ ctx, input: { bytes, filename: "coffee.jpg" } });
    const params = { Exposure2012: 1, Contrast2012: 20 };

    const first = await renderStoredImage({ ctx, input: { sourceSha: sha256, params } });
    const second = await renderStoredImage({ ctx, input: { sourceSha: sha256, params: { Contrast2012: 20, Exposure2012: 1 } } });
    expect(first.cached).toBe(false);
    expect(second).toMatchObject({ cached: true, outputKey: first.outputKey, cacheKey: first.cacheKey });
    expect([first.width, first.height]).toEqual([width, height]);

    const output = (await getBlobStore().get(first.outputKey))!;
    expect(await meanLuma(output)).toBeGreaterThan((await meanLuma(bytes)) + 20); // +1 EV is visibly brighter
  });

  it("keys renders by params and size, and reports what the engine could not render", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const { sha256 } = await uploadImage({ ctx, input: { bytes: await uniquePhoto("astronaut.jpg"), filename: "a.jpg" } });
    const sky = {
      MaskGroupBasedCorrections: [
        { CorrectionActive: true, CorrectionAmount: 1, LocalExposure2012: 0.25, CorrectionMasks: [{ What: "Mask/Image", MaskSubType: 2 }] },
      ],
    };
    const a = await renderStoredImage({ ctx, input: { sourceSha: sha256, params: { Exposure2012: 0.5 } } });
    const b = await renderStoredImage({ ctx, input: { sourceSha: sha256, params: { Exposure2012: 0.5 }, size: "preview" } });
    const c = await renderStoredImage({ ctx, input: { sourceSha: sha256, params: sky as never } });
    expect(new Set([a.cacheKey, b.cacheKey, c.cacheKey]).size).toBe(3);
    expect(c.notRendered.length).toBeGreaterThan(0);
    expect(c.notRendered.map((n) => n.reason).join(" ")).toMatch(/mask|AI|segment/i);
  });

  it("answers NOT_FOUND for an unknown image", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    await expect(renderStoredImage({ ctx, input: { sourceSha: "f".repeat(64), params: {} } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
