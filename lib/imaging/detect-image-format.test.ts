import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { detectImageFormat } from "./index";

const tiny = () => sharp({ create: { width: 4, height: 4, channels: 3, background: "teal" } });

describe("detectImageFormat", () => {
  it("recognises the formats sharp writes", async () => {
    expect(detectImageFormat(await tiny().jpeg().toBuffer())).toEqual({ supported: true, format: "jpeg" });
    expect(detectImageFormat(await tiny().png().toBuffer())).toEqual({ supported: true, format: "png" });
    expect(detectImageFormat(await tiny().webp().toBuffer())).toEqual({ supported: true, format: "webp" });
    expect(detectImageFormat(await tiny().tiff().toBuffer())).toEqual({ supported: true, format: "tiff" });
    expect(detectImageFormat(await tiny().avif().toBuffer())).toEqual({ supported: true, format: "avif" });
    expect(detectImageFormat(await tiny().gif().toBuffer())).toEqual({ supported: false, format: "gif" });
  });

  it("tells HEIC from AVIF by the ftyp brands", () => {
    const ftyp = (major: string, ...compatible: string[]) => {
      const body = Buffer.from(major + "\0\0\0\0" + compatible.join(""), "latin1");
      const size = Buffer.alloc(4);
      size.writeUInt32BE(8 + body.length);
      return Buffer.concat([size, Buffer.from("ftyp"), body]);
    };
    expect(detectImageFormat(ftyp("heic", "mif1", "heic"))).toEqual({ supported: false, format: "heic" });
    expect(detectImageFormat(ftyp("mif1", "avif", "miaf"))).toEqual({ supported: true, format: "avif" });
  });

  it("says nothing for text, and flags SVG", () => {
    expect(detectImageFormat(Buffer.from("just some notes"))).toBeNull();
    expect(detectImageFormat(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
      supported: false,
      format: "svg",
    });
  });
});
