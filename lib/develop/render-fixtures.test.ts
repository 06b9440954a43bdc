// Every XMP fixture (hand-written sidecars/presets and real peva3 presets)
// must render on a real photo without NaN, out-of-range or silently dropped
// settings: what the engine can't do is reported in notRendered.
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles, readText } from "@/test/files";
import { decodeRgb } from "@/test/images";
import { readXmp } from "./xmp";
import { renderImage } from "./render";
import type { Image8 } from "./pipeline/decode";

const DIR = "lib/develop/fixtures/xmp";
const BAD = new Set(["bad-xml.xmp", "strings-for-numbers.xmp", "out-of-range.xmp", "unknown-keys.xmp"]);
const fixtures = [
  ...listFiles(DIR, ".xmp").filter((f) => !f.includes("/") && !BAD.has(f)),
  ...listFiles(DIR, ".xmp").filter((f) => f.startsWith("peva3/")),
];

let photo: Image8;
beforeAll(async () => {
  photo = await decodeRgb("public/samples/citrus-fruits.jpg", { width: 160 });
});

describe("rendering real-world XMP fixtures", () => {
  it("covers hand-written and real presets", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures)("%s renders and changes the photo (or reports why not)", (file) => {
    const { params } = readXmp(readText(`${DIR}/${file}`));
    const { image, report } = renderImage({ image: photo, params });
    expect(image.data.length).toBe(photo.data.length);
    let changed = 0;
    for (let i = 0; i < image.data.length; i++) if (image.data[i] !== photo.data[i]) changed++;
    // Every fixture has settings: each is either rendered (and visibly changes the photo) or reported.
    expect(report.applied.length + report.notRendered.length).toBeGreaterThan(0);
    if (report.applied.length > 0) expect(changed).toBeGreaterThan(0);
  });
});
