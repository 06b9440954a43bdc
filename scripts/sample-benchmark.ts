// The sample benchmark: each committed sample photo that has a hand-written
// sidecar (test/fixtures/corpus/edits), with the engine's render of that
// edit as the reference and a plain-language instruction for it. Six items in
// the three RetouchEval splits; the demo seed and the browser tests use it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classifyCategory } from "@/lib/corpus";
import type { Ctx } from "@/lib/context";
import { readXmp, renderImage } from "@/lib/develop";
import { importBenchmark } from "@/lib/eval";
import { uploadImage } from "@/lib/images";
import { decodeImage, encodeImage } from "@/lib/imaging";

export const SAMPLE_BENCHMARK_NAME = "Sample benchmark";

const INSTRUCTIONS: Record<string, string> = {
  astronaut: "Brighten the portrait, open up the shadows and make it a little warmer.",
  "honey-bee": "Darken the photo and recover the bright petals so the bee stands out.",
  "cincinnati-bridge": "Give the night scene more punch: more contrast, less haze, richer colours.",
  coffee: "Turn it into a punchy black-and-white with crisp detail.",
  "citrus-fruits": "Shift the oranges and yellows towards red for a warmer, stylised look.",
  "chelsea-cat": "Lift the cat's face a touch with a soft spotlight.",
};

/** Creates (or finds) the sample benchmark; `ctx` must be allowed to upload images. */
export async function ensureSampleBenchmark(ctx: Ctx) {
  const items = [];
  for (const [name, instruction] of Object.entries(INSTRUCTIONS)) {
    const photo = new Uint8Array(readFileSync(join("public", "samples", `${name}.jpg`)));
    const { params } = readXmp(readFileSync(join("test", "fixtures", "corpus", "edits", `${name}.xmp`), "utf8"));
    const decoded = await decodeImage(photo);
    const { image } = renderImage({ image: decoded, params });
    const reference = await encodeImage(
      {
        data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength),
        width: image.width,
        height: image.height,
        channels: image.channels,
      },
      { format: "jpeg", quality: 95 },
    );
    const source = await uploadImage({ ctx, input: { bytes: photo, filename: `${name}.jpg` } });
    const ref = await uploadImage({ ctx, input: { bytes: reference, filename: `${name}.reference.jpg` } });
    items.push({ source: source.sha256, reference: ref.sha256, instruction, split: classifyCategory(params).category, id: name });
  }
  const order = ["quality", "style", "local"];
  items.sort((a, b) => order.indexOf(a.split) - order.indexOf(b.split) || a.id.localeCompare(b.id));
  return importBenchmark({
    ctx,
    input: { name: SAMPLE_BENCHMARK_NAME, description: "Sample photos × hand-written edits; references are develop-engine renders", items },
  });
}
