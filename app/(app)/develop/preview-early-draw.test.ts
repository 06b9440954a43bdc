import { describe, expect, it } from "vitest";
import { clipAround } from "./preview-early-draw";

const rect = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe("clipAround", () => {
  it("cuts a hole where a label lies over the overlay, in the overlay's own coordinates", () => {
    // Overlay at (100, 50), 400×300; the After label at its top right corner.
    expect(clipAround(100, 50, 400, 300, [rect(420, 58, 492, 78)])).toBe('path(evenodd, "M0 0H400V300H0Z M320 8H392V28H320Z")');
  });

  it("clips a label that sticks out of the overlay to the overlay's edge", () => {
    // A label in the letterbox above a wide photo, reaching 10 px into it.
    expect(clipAround(0, 100, 600, 200, [rect(500, 90, 580, 110)])).toBe('path(evenodd, "M0 0H600V200H0Z M500 0H580V10H500Z")');
  });

  it("leaves the overlay whole when no label touches it", () => {
    expect(clipAround(0, 100, 600, 200, [rect(500, 60, 580, 80), rect(0, 300, 50, 320)])).toBe("none");
    expect(clipAround(0, 0, 10, 10, [])).toBe("none");
  });
});
