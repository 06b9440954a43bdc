// Images for tests: the committed sample photos, synthetic pixels and the
// malformed files uploads must refuse. Node-only; tests of the universal
// libraries import pixels from here rather than touching node:fs themselves.
import { readFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

/** Bytes of a committed sample photo (public/samples). */
export function samplePhoto(name = "coffee.jpg"): Buffer {
  return readFileSync(new URL(`../public/samples/${name}`, import.meta.url));
}

/**
 * A real photo made unique per call (a random crop), so tests never collide
 * on content hashes with rows another test wrote.
 */
export async function uniquePhoto(name = "coffee.jpg"): Promise<Uint8Array> {
  const image = sharp(samplePhoto(name));
  const { width = 0, height = 0 } = await image.metadata();
  const dx = 1 + Math.floor(Math.random() * 50);
  const dy = 1 + Math.floor(Math.random() * 50);
  return new Uint8Array(
    await image
      .extract({ left: dx, top: dy, width: width - dx - 1, height: height - dy - 1 })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
}

/** An image file (path or bytes) decoded to 8-bit RGB, optionally resized to `width`. */
export async function decodeRgb(input: string | Uint8Array, { width }: { width?: number } = {}) {
  let pipeline = sharp(input).removeAlpha();
  if (width) pipeline = pipeline.resize(width);
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: 3 as const };
}

/** A raw image filled by `pixel(x, y) → [r, g, b]`. */
export function rawImage(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]) {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 3);
  }
  return { data, width, height, channels: 3 as const };
}

function pngChunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A tiny PNG whose IHDR claims `width`×`height` 8-bit grey, followed by an
 * IDAT that is not valid zlib: any attempt to decode pixels fails, so only a
 * header-based check can classify it.
 */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", Buffer.from("not zlib data")),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A valid PNG of the given size (real pixels, via zlib), for contrast with {@link pngHeaderOnly}. */
export function greyPng(width: number, height: number, level: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const row = Buffer.alloc(width + 1, level);
  row[0] = 0; // filter type none
  const idat = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", idat),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The four bad uploads the foundation issue names, with the error code each must get. */
export const badUploads = () => [
  { name: "empty.jpg", bytes: new Uint8Array(0), code: "EMPTY" },
  { name: "notes.jpg", bytes: new TextEncoder().encode("these are my notes, not a photo\n".repeat(20)), code: "NOT_AN_IMAGE" },
  { name: "truncated.jpg", bytes: new Uint8Array(samplePhoto().subarray(0, Math.floor(samplePhoto().length / 2))), code: "CORRUPT" },
  { name: "bomb.png", bytes: new Uint8Array(pngHeaderOnly(30_000, 30_000)), code: "TOO_LARGE" },
];
