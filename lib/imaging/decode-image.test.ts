import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { decodeImage } from "./index";
import { samplePhoto } from "@/test/images";

const pixelAt = (img: { data: Uint8Array; width: number; channels: number }, x: number, y: number) =>
  Array.from(img.data.subarray((y * img.width + x) * img.channels, (y * img.width + x) * img.channels + img.channels));

describe("decodeImage", () => {
  it("decodes a real sample photo to 8-bit RGB of the right size and colours", async () => {
    const img = await decodeImage(samplePhoto("coffee.jpg"));
    expect(img).toMatchObject({ width: 600, height: 400, channels: 3 });
    expect(img.data.length).toBe(600 * 400 * 3);
    expect(img.source).toMatchObject({ format: "jpeg", width: 600, height: 400 });

    // A red-brown cup on a wooden table: red clearly dominates blue on average.
    let r = 0,
      b = 0;
    for (let i = 0; i < img.data.length; i += 3) {
      r += img.data[i];
      b += img.data[i + 2];
    }
    expect(r / b).toBeGreaterThan(1.3);
  });

  it("shrinks on load to maxEdge without changing the aspect ratio, and never enlarges", async () => {
    const small = await decodeImage(samplePhoto("honey-bee.jpg"), { maxEdge: 400 });
    expect([small.width, small.height]).toEqual([400, 316]);
    expect(small.source).toMatchObject({ width: 1600, height: 1264 });

    const same = await decodeImage(samplePhoto("chelsea-cat.jpg"), { maxEdge: 4000 });
    expect([same.width, same.height]).toEqual([451, 300]);
  });

  it("applies EXIF orientation to the pixels", async () => {
    // Stored 40×20: left half red, right half blue; orientation 6 = rotate 90° clockwise to display.
    const halves = Buffer.alloc(40 * 20 * 3);
    for (let y = 0; y < 20; y++) for (let x = 0; x < 40; x++) halves.set(x < 20 ? [255, 0, 0] : [0, 0, 255], (y * 40 + x) * 3);
    const jpeg = await sharp(halves, { raw: { width: 40, height: 20, channels: 3 } })
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();

    const img = await decodeImage(jpeg);
    expect([img.width, img.height]).toEqual([20, 40]);
    // After a clockwise quarter turn the stored left (red) is on top, right (blue) at the bottom.
    const [tr, , tb] = pixelAt(img, 10, 5);
    const [br, , bb] = pixelAt(img, 10, 35);
    expect(tr).toBeGreaterThan(200);
    expect(tb).toBeLessThan(60);
    expect(bb).toBeGreaterThan(200);
    expect(br).toBeLessThan(60);
  });

  it("converts an embedded Display P3 profile to sRGB", async () => {
    // sRGB pure red written as Display P3 values (≈ 234, 51, 34) plus the P3 profile.
    const p3 = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 255, g: 0, b: 0 } } })
      .png()
      .withIccProfile("p3")
      .toBuffer();
    const stored = await sharp(p3, { ignoreIcc: true }).raw().toBuffer();
    const storedValues = pixelAt({ data: stored, width: 8, channels: 3 }, 0, 0);
    expect(storedValues[0]).toBeLessThan(245); // really stored as P3, not sRGB

    const img = await decodeImage(p3);
    expect(img.source.hasProfile).toBe(true);
    const [r, g, b] = pixelAt(img, 4, 4);
    expect(r).toBeGreaterThanOrEqual(253);
    expect(g).toBeLessThanOrEqual(3);
    expect(b).toBeLessThanOrEqual(3);
  });

  it("brings 16-bit and grey images to 8-bit RGB", async () => {
    const png16 = await sharp({ create: { width: 4, height: 4, channels: 3, background: { r: 10, g: 200, b: 30 } } })
      .toColourspace("rgb16")
      .png()
      .toBuffer();
    const wide = await decodeImage(png16);
    expect(wide.source.depth).toBe("ushort");
    expect(wide.data.length).toBe(4 * 4 * 3);
    expect(pixelAt(wide, 1, 1)).toEqual([10, 200, 30]);

    const grey = await sharp({ create: { width: 4, height: 4, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .toColourspace("b-w")
      .png()
      .toBuffer();
    const rgb = await decodeImage(grey);
    expect(rgb.source.channels).toBe(1);
    expect(rgb.channels).toBe(3);
    expect(pixelAt(rgb, 2, 2)).toEqual([90, 90, 90]);
  });

  it("flattens transparency onto white unless keepAlpha is set", async () => {
    const transparent = await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const flat = await decodeImage(transparent);
    expect(flat.channels).toBe(3);
    expect(pixelAt(flat, 0, 0)).toEqual([255, 255, 255]);

    const kept = await decodeImage(transparent, { keepAlpha: true });
    expect(kept.channels).toBe(4);
    expect(pixelAt(kept, 0, 0)[3]).toBe(0);
  });
});
