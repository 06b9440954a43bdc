import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";

import { decodeImage, ImageError, makeDerivatives, probeImage } from "./index";
import { greyPng, pngHeaderOnly, samplePhoto } from "@/test/images";

async function errorOf(promise: Promise<unknown>): Promise<ImageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageError);
  return error as ImageError;
}

describe("bad inputs get a clear, typed error", () => {
  afterEach(() => {
    delete process.env.MAX_IMAGE_PIXELS;
  });

  it("a 0-byte file is EMPTY", async () => {
    const error = await errorOf(decodeImage(new Uint8Array(0)));
    expect(error.code).toBe("EMPTY");
    expect(error.message).toBe("File is empty");
  });

  it("a text file renamed .jpg is NOT_AN_IMAGE", async () => {
    const text = Buffer.from("Shopping list:\n- eggs\n- coffee beans\n", "utf8");
    const error = await errorOf(decodeImage(text));
    expect(error.code).toBe("NOT_AN_IMAGE");
    expect(error.message).toBe("Not an image: could not detect a JPEG/PNG/WebP/TIFF/AVIF header");
  });

  it("the first half of a real JPEG is CORRUPT, also when decoding a small preview", async () => {
    const jpeg = samplePhoto("coffee.jpg");
    const half = jpeg.subarray(0, jpeg.length >> 1);
    // The header is intact, so probing alone cannot tell…
    expect((await probeImage(half)).width).toBe(600);
    // …but decoding must refuse rather than return grey-filled pixels.
    for (const options of [{}, { maxEdge: 64 }]) {
      const error = await errorOf(decodeImage(half, options));
      expect(error.code).toBe("CORRUPT");
      expect(error.message).toMatch(/^Corrupt or truncated JPEG: .+/);
    }
  });

  it("a 30000×30000 PNG is TOO_LARGE from its header alone", async () => {
    // The IDAT is not valid zlib, so a decode would fail as CORRUPT: getting
    // TOO_LARGE proves the size was judged from the header, before any pixel.
    const bomb = pngHeaderOnly(30000, 30000);
    expect(bomb.length).toBeLessThan(100);
    // Started one at a time: an un-awaited rejected promise would be an unhandled rejection.
    for (const attempt of [() => probeImage(bomb), () => decodeImage(bomb), () => makeDerivatives(bomb)]) {
      const error = await errorOf(attempt());
      expect(error.code).toBe("TOO_LARGE");
      expect(error.message).toBe("Image is 30000×30000 = 900 MP, above the 100 MP limit");
    }
  });

  it("honours MAX_IMAGE_PIXELS and an explicit maxPixels", async () => {
    const png = greyPng(400, 300, 90); // 0.12 MP
    expect((await decodeImage(png)).width).toBe(400);

    process.env.MAX_IMAGE_PIXELS = "100000";
    expect((await errorOf(decodeImage(png))).message).toBe("Image is 400×300 = 0.12 MP, above the 0.1 MP limit");
    expect((await decodeImage(png, { maxPixels: 200_000 })).width).toBe(400);
  });

  it("a GIF is UNSUPPORTED, not NOT_AN_IMAGE", async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "red" } })
      .gif()
      .toBuffer();
    const error = await errorOf(decodeImage(gif));
    expect(error.code).toBe("UNSUPPORTED");
    expect(error.message).toMatch(/^GIF images are not supported/);
  });

  it("a JPEG with garbage in its entropy-coded data is CORRUPT", async () => {
    const jpeg = Buffer.from(samplePhoto("chelsea-cat.jpg"));
    for (let i = 2000; i < 6000; i++) jpeg[i] = (i * 7) & 255;
    expect((await errorOf(decodeImage(jpeg))).code).toBe("CORRUPT");
  });
});

describe("probeImage", () => {
  it("reads format and display size from the header", async () => {
    const info = await probeImage(samplePhoto("honey-bee.jpg"));
    expect(info).toMatchObject({ format: "jpeg", width: 1600, height: 1264, pixels: 1600 * 1264, orientation: 1 });
  });

  it("reports the display size of an EXIF-rotated JPEG", async () => {
    const stored = await sharp({ create: { width: 40, height: 20, channels: 3, background: "white" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const info = await probeImage(stored);
    expect(info).toMatchObject({ width: 20, height: 40, orientation: 6 });
  });
});
