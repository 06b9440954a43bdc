import { readFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";

/** Bytes of a committed sample photo (public/samples). */
export function samplePhoto(name: string): Buffer {
  return readFileSync(new URL(`../../../public/samples/${name}`, import.meta.url));
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
