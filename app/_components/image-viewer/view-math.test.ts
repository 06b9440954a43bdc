import { describe, expect, it } from "vitest";
import { clampView, FIT, layout, oneToOneZoom, panBy, zoomAt } from "./view-math";

const img = { w: 2000, h: 1000 };
const port = { w: 500, h: 500 };

describe("viewer geometry", () => {
  it("fits a wide image to the viewport width and centres it", () => {
    expect(layout(FIT, img, port)).toMatchObject({ w: 500, h: 250, left: 0, top: 125 });
  });

  it("zooming at a point keeps the image point under the cursor", () => {
    const v = zoomAt(FIT, 4, 100, 250, img, port);
    const before = layout(FIT, img, port);
    const after = layout(v, img, port);
    const ixBefore = (100 - before.left) / before.w;
    const ixAfter = (100 - after.left) / after.w;
    expect(ixAfter).toBeCloseTo(ixBefore, 6);
    expect(v.zoom).toBe(4);
  });

  it("never zooms out past fit, and a fitted image cannot be panned away", () => {
    expect(zoomAt(FIT, 0.1, 0, 0, img, port).zoom).toBe(1);
    expect(panBy(FIT, 300, 300, img, port)).toEqual(FIT);
  });

  it("panning a zoomed image stops at its edge", () => {
    const zoomed = { zoom: 4, cx: 0.5, cy: 0.5 };
    const far = panBy(zoomed, 10_000, 0, img, port);
    expect(layout(far, img, port).left).toBeCloseTo(0, 6);
    expect(clampView({ zoom: 99, cx: 0.5, cy: 0.5 }, img, port).zoom).toBe(32);
  });

  it("1:1 maps one image pixel to one device pixel", () => {
    const z = oneToOneZoom(img, port, 2);
    expect(layout({ zoom: z, cx: 0.5, cy: 0.5 }, img, port).scale * 2).toBeCloseTo(1, 9);
  });
});
