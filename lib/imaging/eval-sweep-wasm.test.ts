import { readdirSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sweepEvalJs } from "./eval-sweep-js";
import { canSweepEvalWasm, sweepEvalWasm } from "./eval-sweep-wasm";
import type { RawImage } from "./raw-image";

// The WebAssembly kernel repeats the JS sweep's arithmetic in the same order,
// so the sums and the SSIM must be equal to the last bit, not merely close.
function expectSameSweep(pair: { edited: RawImage; reference: RawImage }) {
  const js = sweepEvalJs(pair);
  const wasm = sweepEvalWasm(pair);
  expect(wasm.sumAbs).toBe(js.sumAbs);
  expect(wasm.sumSq).toBe(js.sumSq);
  expect(wasm.ssim).toBe(js.ssim);
  return js;
}

/** Deterministic noise (mulberry32), so a failure can be replayed. */
function noise(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomImage(width: number, height: number, channels: 3 | 4, seed: number): RawImage {
  const next = noise(seed);
  return { data: Uint8Array.from({ length: width * height * channels }, () => Math.floor(next() * 256)), width, height, channels };
}

async function decode(input: sharp.Sharp): Promise<RawImage> {
  const { data, info } = await input.raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height, channels: info.channels as RawImage["channels"] };
}

describe("sweepEvalWasm (SIMD eval sweep)", () => {
  const photos = readdirSync("public/samples").filter((f) => f.endsWith(".jpg"));

  it.each(photos)("gives the JS sweep's exact sums and SSIM on %s and an edit of it", async (name) => {
    const photo = sharp(`public/samples/${name}`).removeAlpha();
    const reference = await decode(photo.clone());
    // A plausible edit: brighter, less saturated, slightly soft; with an alpha band, so 4 vs 3 channels.
    const edited = await decode(photo.clone().modulate({ brightness: 1.08, saturation: 0.9 }).blur(0.8).ensureAlpha());
    const { ssim } = expectSameSweep({ edited, reference });
    expect(ssim).toBeGreaterThan(0.5);
    expect(ssim).toBeLessThan(1);
    expect(expectSameSweep({ edited: reference, reference }).ssim).toBe(1);
  });

  it("gives the JS sweep's exact results on random images of every channel mix and awkward widths", () => {
    // 11 wide: one output column (odd); 12: two; 17: seven. Mixed sizes also regrow and reuse the kernel's memory.
    const sizes = [
      [11, 11],
      [12, 13],
      [17, 40],
      [301, 29],
      [11, 64],
      [64, 11],
    ];
    let seed = 1;
    for (const [width, height] of sizes) {
      for (const [ca, cb] of [
        [3, 3],
        [3, 4],
        [4, 3],
        [4, 4],
      ] as const) {
        expectSameSweep({ edited: randomImage(width, height, ca, seed++), reference: randomImage(width, height, cb, seed++) });
      }
    }
  });

  it("leaves grey images, images smaller than the window and very wide ones to the JS sweep", () => {
    const rgb = randomImage(20, 20, 3, 7);
    expect(canSweepEvalWasm(rgb, rgb)).toBe(true);
    expect(canSweepEvalWasm({ ...rgb, channels: 1, data: rgb.data.subarray(0, 400) }, rgb)).toBe(false);
    const small = randomImage(10, 40, 3, 8);
    expect(canSweepEvalWasm(small, small)).toBe(false);
    const wide = { data: new Uint8Array(0), width: 65537, height: 11, channels: 3 as const };
    expect(canSweepEvalWasm(wide, wide)).toBe(false);
  });
});
