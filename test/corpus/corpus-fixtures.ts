import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { samplePhoto } from "@/test/images";

export const SAMPLES = [
  "astronaut",
  "coffee",
  "chelsea-cat",
  "cincinnati-bridge",
  "citrus-fruits",
  "honey-bee",
  "rocket-launch",
  "hubble-deep-field",
];

/** A folder shaped like a Lightroom export: the committed sample photos and the hand-written sidecars. */
export { sampleLightroomExport as lightroomExportFolder } from "@/scripts/sample-lightroom-export";

export type ManifestCase = {
  dir: string;
  path: string;
  good: { line: number; exposure: number; withAfter: boolean }[];
  bad: { line: number; reason: RegExp }[];
};

/**
 * A 20-line manifest of which 5 lines are bad, one of each kind the issue
 * names: missing file, corrupt image, malformed XMP, out-of-range params,
 * and a line that is not JSON. Photos are shrunk to keep renders quick.
 */
export async function manifestWithBadRows(): Promise<ManifestCase> {
  const dir = mkdtempSync(join(tmpdir(), "riq-manifest-"));
  for (const name of SAMPLES) {
    await sharp(samplePhoto(`${name}.jpg`))
      .resize(256, 256, { fit: "inside" })
      .jpeg({ quality: 90 })
      .toFile(join(dir, `${name}.jpg`));
  }
  // Two real "after" images (a brightened copy) so fidelity gets measured.
  for (const name of SAMPLES.slice(0, 2))
    await sharp(join(dir, `${name}.jpg`))
      .modulate({ brightness: 1.3 })
      .jpeg()
      .toFile(join(dir, `${name}.after.jpg`));
  writeFileSync(join(dir, "broken.jpg"), samplePhoto().slice(0, 3000));
  copyFileSync("lib/develop/fixtures/xmp/bad-xml.xmp", join(dir, "bad.xmp"));

  const bad = new Map<number, { row: string; reason: RegExp }>([
    [3, { row: JSON.stringify({ before: "missing.jpg", params: { Exposure2012: 0.5 } }), reason: /file not found: missing\.jpg/ }],
    [
      7,
      {
        row: JSON.stringify({ before: "broken.jpg", params: { Exposure2012: 0.5 } }),
        reason: /broken\.jpg: .*(corrupt|truncated|damaged)/i,
      },
    ],
    [11, { row: JSON.stringify({ before: "coffee.jpg", xmp: "bad.xmp" }), reason: /malformed XMP/ }],
    [
      14,
      {
        row: JSON.stringify({ before: "coffee.jpg", params: { Exposure2012: 9 } }),
        reason: /out-of-range params: Exposure2012 9 is outside/,
      },
    ],
    [18, { row: '{"before": "coffee.jpg", "params": {', reason: /not valid JSON/ }],
  ]);
  const lines: string[] = [];
  const good: ManifestCase["good"] = [];
  for (let line = 1, k = 0; line <= 20; line++) {
    const b = bad.get(line);
    if (b) {
      lines.push(b.row);
      continue;
    }
    const name = SAMPLES[k % SAMPLES.length];
    const exposure = Number((-1 + k * 0.2).toFixed(2));
    const withAfter = k < 2;
    lines.push(
      JSON.stringify({
        id: `row-${line}`,
        before: `${name}.jpg`,
        ...(withAfter ? { after: `${name}.after.jpg` } : {}),
        params: { Exposure2012: exposure, Contrast2012: 10 * (k % 3) },
        license: "CC0-1.0",
      }),
    );
    good.push({ line, exposure, withAfter });
    k++;
  }
  const path = join(dir, "manifest.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return { dir, path, good, bad: [...bad].map(([line, b]) => ({ line, reason: b.reason })) };
}
