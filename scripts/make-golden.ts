// Regenerates the develop engine's golden images: `npx tsx scripts/make-golden.ts [samplesDir]`.
// Run it after a deliberate change of rendered output (and bump ENGINE_VERSION); see
// lib/develop/golden/README.md. Writes lib/develop/golden/{manifest.json, *.png}.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { ENGINE_VERSION, renderImage } from "../lib/develop/render";
import type { DevelopParams } from "../lib/develop/params";

const OUT_DIR = "lib/develop/golden";
const LONG_EDGE = 256;
const SOURCES = ["coffee.jpg", "astronaut.jpg", "cincinnati-bridge.jpg"];

/** The named edits: together they exercise every stage of the pipeline. */
const EDITS: Record<string, DevelopParams> = {
  "warm-contrast": {
    Exposure2012: 0.3,
    Contrast2012: 25,
    Highlights2012: -40,
    Shadows2012: 30,
    Whites2012: 10,
    Blacks2012: -10,
    IncrementalTemperature: 18,
    IncrementalTint: 4,
    Vibrance: 20,
    Saturation: 5,
    ToneCurvePV2012: [
      [0, 0],
      [64, 56],
      [128, 128],
      [192, 200],
      [255, 255],
    ],
  },
  "hsl-grade": {
    HueAdjustmentOrange: -10,
    SaturationAdjustmentBlue: 30,
    LuminanceAdjustmentBlue: -30,
    SaturationAdjustmentGreen: -40,
    SplitToningShadowHue: 210,
    SplitToningShadowSaturation: 25,
    SplitToningHighlightHue: 40,
    SplitToningHighlightSaturation: 20,
    ColorGradeMidtoneLum: 10,
    ParametricHighlights: -30,
    ParametricShadows: 20,
    ToneCurvePV2012Blue: [
      [0, 20],
      [255, 240],
    ],
  },
  "clarity-radial": {
    Clarity2012: 45,
    Texture: 30,
    Dehaze: 15,
    Sharpness: 60,
    SharpenRadius: 1.2,
    MaskGroupBasedCorrections: [
      {
        CorrectionAmount: 1,
        LocalExposure2012: 0.15,
        LocalSaturation: 0.2,
        CorrectionMasks: [{ What: "Mask/CircularGradient", Top: 0.2, Left: 0.25, Bottom: 0.8, Right: 0.75, Feather: 0.6 }],
      },
      {
        CorrectionAmount: 0.8,
        LocalExposure2012: -0.2,
        LocalTemperature: -0.3,
        CorrectionMasks: [{ What: "Mask/Gradient", ZeroX: 0.5, ZeroY: 0.45, FullX: 0.5, FullY: 0 }],
      },
    ],
  },
  "bw-vignette-grain": {
    ConvertToGrayscale: true,
    GrayMixerBlue: -40,
    GrayMixerOrange: 30,
    Contrast2012: 30,
    PostCropVignetteAmount: -45,
    PostCropVignetteFeather: 60,
    GrainAmount: 35,
    GrainSize: 30,
  },
};

async function main(): Promise<void> {
  const samplesDir = process.argv[2] ?? "public/samples";
  const available = new Set(readdirSync(samplesDir));
  const sources = SOURCES.filter((s) => available.has(s));
  if (sources.length === 0) throw new Error(`none of ${SOURCES.join(", ")} found in ${samplesDir}`);
  mkdirSync(OUT_DIR, { recursive: true });
  for (const f of readdirSync(OUT_DIR)) if (f.endsWith(".png")) rmSync(join(OUT_DIR, f));
  const cases: { source: string; edit: string; output: string }[] = [];
  for (const file of sources) {
    const name = file.replace(/\.[^.]+$/, "");
    const { data, info } = await sharp(join(samplesDir, file))
      .removeAlpha()
      .resize(LONG_EDGE, LONG_EDGE, { fit: "inside" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const source = `source-${name}.png`;
    await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
      .png()
      .toFile(join(OUT_DIR, source));
    const image = { data: new Uint8Array(data), width: info.width, height: info.height, channels: 3 as const };
    for (const [edit, params] of Object.entries(EDITS)) {
      const { image: out } = renderImage({ image, params, options: { seed: 1 } });
      const output = `${name}--${edit}.png`;
      await sharp(Buffer.from(out.data), { raw: { width: out.width, height: out.height, channels: 3 } })
        .png()
        .toFile(join(OUT_DIR, output));
      cases.push({ source, edit, output });
    }
  }
  const manifest = { engineVersion: ENGINE_VERSION, seed: 1, tolerance: { maxCodes: 2, minShare: 0.999 }, edits: EDITS, cases };
  writeFileSync(join(OUT_DIR, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${cases.length} golden images for engine version ${ENGINE_VERSION} to ${OUT_DIR}`);
}

await main();
