import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import sharp from "sharp";

/** Real sample photo bytes. */
export const samplePhoto = (name = "coffee.jpg") => new Uint8Array(readFileSync(`public/samples/${name}`));

/**
 * A real photo made unique per call (a random crop), so tests that share a
 * database across runs never collide on content hashes.
 */
export async function uniquePhoto(name = "coffee.jpg"): Promise<Uint8Array> {
  const image = sharp(samplePhoto(name));
  const { width = 0, height = 0 } = await image.metadata();
  const dx = 1 + Math.floor(Math.random() * 50);
  const dy = 1 + Math.floor(Math.random() * 50);
  return new Uint8Array(await image.extract({ left: dx, top: dy, width: width - dx - 1, height: height - dy - 1 }).jpeg({ quality: 90 }).toBuffer());
}

/** A PNG whose header claims 30000×30000 pixels (a decompression bomb), a few hundred bytes long. */
export function hugePng(width = 30_000, height = 30_000): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const idat = zlib.deflateSync(Buffer.alloc(width + 1)); // one row; the rest is missing
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]));
}

/** The four bad uploads the foundation issue names. */
export const badUploads = () => [
  { name: "empty.jpg", bytes: new Uint8Array(0), code: "EMPTY" },
  { name: "notes.jpg", bytes: new TextEncoder().encode("these are my notes, not a photo\n".repeat(20)), code: "NOT_AN_IMAGE" },
  { name: "truncated.jpg", bytes: samplePhoto().slice(0, Math.floor(samplePhoto().length / 2)), code: "CORRUPT" },
  { name: "bomb.png", bytes: hugePng(), code: "TOO_LARGE" },
];
