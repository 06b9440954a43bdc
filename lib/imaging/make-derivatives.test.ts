import { createHash } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { makeDerivatives, probeImage } from "./index";
import { samplePhoto } from "@/test/images";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("makeDerivatives", () => {
  it("makes a 1600 px WebP preview and a 320 px WebP thumbnail of a large photo", async () => {
    const large = await sharp(samplePhoto("cincinnati-bridge.jpg")).resize({ width: 2604 }).jpeg().toBuffer(); // 2604×1906
    const d = await makeDerivatives(large);

    expect(d.original).toMatchObject({ width: 2604, height: 1906, format: "jpeg", sha256: sha(large) });
    expect(d.original.bytes).toBe(large);
    expect([d.preview.width, d.preview.height]).toEqual([1600, 1171]);
    expect([d.thumbnail.width, d.thumbnail.height]).toEqual([320, 234]);

    for (const derivative of [d.preview, d.thumbnail]) {
      const info = await probeImage(derivative.bytes);
      expect(info.format).toBe("webp");
      expect([info.width, info.height]).toEqual([derivative.width, derivative.height]);
      expect(derivative.sha256).toBe(sha(derivative.bytes));
      expect(derivative.contentType).toBe("image/webp");
    }
    expect(d.thumbnail.bytes.length).toBeLessThan(d.preview.bytes.length);
  });

  it("never upscales a small photo's preview", async () => {
    const d = await makeDerivatives(samplePhoto("coffee.jpg"));
    expect([d.preview.width, d.preview.height]).toEqual([600, 400]);
    expect([d.thumbnail.width, d.thumbnail.height]).toEqual([320, 213]);
  });

  it("bakes EXIF orientation into the derivatives", async () => {
    const rotated = await sharp(samplePhoto("chelsea-cat.jpg")).withMetadata({ orientation: 8 }).toBuffer(); // stored 451×300
    const d = await makeDerivatives(rotated);
    expect([d.original.width, d.original.height]).toEqual([300, 451]);
    expect([d.preview.width, d.preview.height]).toEqual([300, 451]);
    expect((await probeImage(d.preview.bytes)).orientation).toBe(1);
  });
});
