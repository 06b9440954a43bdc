// `npm run corpus:presets -- [options]`: a labelled, reproducible "preset-derived" corpus from real
// material: seeded random crops of the freely licensed sample photos (public/samples, made from
// Debian's python3-skimage and palapeli-data by scripts/fetch-samples.sh) × real Camera Raw presets
// (the full peva3 set in ../shared/fixtures/xmp-peva3 when present, else the MIT subset committed in
// training/data/presets), each preset one user edit at a partial or full strength.
//
// Writes <out>/images/*.jpg (sources), <out>/manifest.jsonl (the corpus importer's manifest, rows
// marked origin "preset-derived") and <out>/policy_rl.jsonl (EasyR1 rows the compact trainer reads,
// in the platform's export layout). `--import` then imports the manifest through lib/corpus with the
// source label "preset-derived", so these rows are never mistaken for real trajectories.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { atStrength, readXmp, type DevelopParams } from "@/lib/develop";
import { mulberry32 } from "@/lib/develop/pipeline/prng";
import { describeEdit } from "@/lib/edits";

const HELP = `npm run corpus:presets -- [--out data/preset-corpus] [--count 240] [--seed 1] [--size 160]
    [--presets DIR] [--photos DIR] [--val 0.25] [--import]`;

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "data/preset-corpus" },
    count: { type: "string", default: "240" },
    seed: { type: "string", default: "1" },
    size: { type: "string", default: "160" },
    presets: { type: "string" },
    photos: { type: "string", default: "public/samples" },
    val: { type: "string", default: "0.25" },
    import: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

/** Strengths a preset is applied at: one user edit each, partial strengths included. */
const STRENGTHS = [0.35, 0.6, 1] as const;

function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.toLowerCase().endsWith(ext)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function instructionFor(preset: string, strength: number, params: DevelopParams): string {
  const how = strength === 1 ? "" : strength < 0.5 ? " as a subtle touch" : " at moderate strength";
  return `Give the photo the "${preset}" look${how}: ${describeEdit(params)}.`;
}

async function main() {
  const out = resolve(values.out!);
  const count = Number(values.count);
  const seed = Number(values.seed);
  const size = Number(values.size);
  const valShare = Number(values.val);
  const shared = resolve("../shared/fixtures/xmp-peva3/Presets");
  const presetDir = values.presets ?? (existsSync(shared) ? shared : "training/data/presets/Presets");
  const presetFiles = listFiles(presetDir, ".xmp");
  const photos = listFiles(values.photos!, ".jpg");
  if (!presetFiles.length || !photos.length) throw new Error(`no presets in ${presetDir} or no photos in ${values.photos}`);
  const presets = presetFiles.map((f) => ({
    name: basename(f, ".xmp"),
    file: relative(presetDir, f),
    params: readXmp(readFileSync(f, "utf8")).params,
  }));
  const rand = mulberry32(seed);
  mkdirSync(join(out, "images"), { recursive: true });
  const manifest: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const photo = photos[Math.floor(rand() * photos.length)];
    const preset = presets[Math.floor(rand() * presets.length)];
    const strength = STRENGTHS[Math.floor(rand() * STRENGTHS.length)];
    const meta = await sharp(photo).metadata();
    const w = meta.width!;
    const h = meta.height!;
    // A random crop covering 35–90 % of the short edge, anywhere in the frame.
    const side = Math.round(Math.min(w, h) * (0.35 + 0.55 * rand()));
    const cw = Math.min(w, Math.round(side * (0.75 + 0.5 * rand())));
    const left = Math.floor(rand() * (w - cw + 1));
    const top = Math.floor(rand() * (h - side + 1));
    const id = `pd-${seed}-${String(i).padStart(5, "0")}`;
    const image = `images/${id}.jpg`;
    await sharp(photo)
      .extract({ left, top, width: cw, height: side })
      .resize({ width: size, height: size, fit: "inside" })
      .jpeg({ quality: 92 })
      .toFile(join(out, image));
    const params = atStrength(preset.params, strength);
    const split = rand() < valShare ? "val" : "train";
    const instruction = instructionFor(preset.name, strength, params);
    const license = `photo: ${basename(photo)} (public domain / CC0, see public/samples/SOURCES.md); preset: peva3 ${preset.file} (MIT)`;
    manifest.push(JSON.stringify({ id, before: image, params, split, origin: "preset-derived", license }));
    const answer = { sample_id: id, instruction, src: image, split, preset: preset.name, strength, params, source: "preset-derived" };
    rows.push(JSON.stringify({ problem: `<image>Instruction: ${instruction}`, images: [image], answer: JSON.stringify(answer) }));
  }
  writeFileSync(join(out, "manifest.jsonl"), `${manifest.join("\n")}\n`);
  writeFileSync(join(out, "policy_rl.jsonl"), `${rows.join("\n")}\n`);
  const report: Record<string, unknown> = { out, items: count, presets: presets.length, presetDir, photos: photos.length, seed };
  if (values.import) {
    const [{ systemContext }, { createImport, runImport, getImportOrThrow }] = await Promise.all([
      import("@/lib/context"),
      import("@/lib/corpus"),
    ]);
    const ctx = systemContext();
    const { id } = await createImport({ ctx, input: { path: join(out, "manifest.jsonl"), source: "preset-derived" } });
    await runImport({ ctx, input: { importId: id } });
    const r = await getImportOrThrow({ ctx, input: { id } });
    Object.assign(report, { importId: id, imported: r.imported, duplicates: r.duplicates, failed: r.failed });
    const [{ closeQueues }, { closeDb }] = await Promise.all([import("@/lib/queue"), import("@/db/client")]);
    await closeQueues();
    await closeDb();
  }
  console.log(JSON.stringify(report));
}

await main();
