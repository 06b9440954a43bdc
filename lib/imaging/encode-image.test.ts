import { describe, expect, it } from "vitest";

import { decodeImage, encodeImage, pixelErrors, probeImage } from "./index";
import { rawImage, samplePhoto } from "@/test/images";

describe("encodeImage", () => {
  it("round-trips PNG losslessly and JPEG/WebP closely", async () => {
    const photo = await decodeImage(samplePhoto("astronaut.jpg"));
    const png = await encodeImage(photo, { format: "png" });
    expect((await decodeImage(png)).data).toEqual(photo.data);

    for (const format of ["jpeg", "webp"] as const) {
      const bytes = await encodeImage(photo, { format });
      expect((await probeImage(bytes)).format).toBe(format);
      const back = await decodeImage(bytes);
      expect(pixelErrors({ edited: back, reference: photo }).psnr).toBeGreaterThan(32);
    }
  });

  it("trades size for quality", async () => {
    const photo = await decodeImage(samplePhoto("honey-bee.jpg"), { maxEdge: 600 });
    const low = await encodeImage(photo, { format: "jpeg", quality: 40 });
    const high = await encodeImage(photo, { format: "jpeg", quality: 95 });
    expect(low.length).toBeLessThan(high.length);
  });

  it("refuses a buffer whose length does not match its size", async () => {
    const img = rawImage(4, 4, () => [1, 2, 3]);
    await expect(encodeImage({ ...img, width: 5 }, { format: "png" })).rejects.toThrow(/expected 5×4×3/);
  });
});
