import { describe, expect, it } from "vitest";
import { scanFolder } from "./scan-folder";

describe("scanFolder", () => {
  it("pairs photos with sidecars and optional after images, like a Lightroom export", () => {
    const { items, errors } = scanFolder(["b.jpg", "b.xmp", "a.JPG", "a.jpg.xmp", "a.after.jpg", "sub/c.png", "sub/c.xmp", ".DS_Store"]);
    expect(errors).toEqual([]);
    expect(items).toEqual([
      { line: 1, ref: "a", before: "a.JPG", after: "a.after.jpg", xmp: "a.jpg.xmp" },
      { line: 2, ref: "b", before: "b.jpg", after: undefined, xmp: "b.xmp" },
      { line: 3, ref: "sub/c", before: "sub/c.png", after: undefined, xmp: "sub/c.xmp" },
    ]);
  });

  it("reports a photo without a sidecar and a sidecar without a photo", () => {
    const { items, errors } = scanFolder(["lonely.jpg", "orphan.xmp", "ok.jpg", "ok.xmp"]);
    expect(items.map((i) => i.ref)).toEqual(["ok"]);
    expect(errors).toEqual([
      { line: 1, ref: "lonely", reason: "lonely.jpg has no XMP sidecar (lonely.xmp)" },
      { line: 3, ref: "orphan", reason: "orphan.xmp has no before image (orphan.jpg)" },
    ]);
  });
});
