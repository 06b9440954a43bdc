import { describe, expect, it } from "vitest";
import { coerceCurve } from "./coerce-curve";

const medium = [
  [0, 0],
  [64, 56],
  [128, 128],
  [255, 255],
];

describe("coerceCurve", () => {
  it("reads every form a curve arrives in", () => {
    expect(coerceCurve(medium).curve).toEqual(medium);
    expect(coerceCurve(["0, 0", "64, 56", "128, 128", "255, 255"]).curve).toEqual(medium);
    expect(coerceCurve([0, 0, 64, 56, 128, 128, 255, 255]).curve).toEqual(medium);
    expect(coerceCurve({ "1": 0, "2": 0, "3": 64, "4": 56, "5": 128, "6": 128, "7": 255, "8": 255 }).curve).toEqual(medium);
    expect(
      coerceCurve([
        { x: 0, y: 0 },
        { x: 255, y: 255 },
      ]).curve,
    ).toEqual([
      [0, 0],
      [255, 255],
    ]);
  });

  it("orders JarvisArt numbered keys numerically, not as text", () => {
    const obj: Record<string, number> = {};
    const flat = [0, 5, 30, 40, 60, 70, 90, 100, 128, 140, 255, 250];
    flat.forEach((v, i) => (obj[String(i + 1)] = v));
    expect(coerceCurve(obj).curve?.map(([x]) => x)).toEqual([0, 30, 60, 90, 128, 255]);
  });

  it("sorts points, clamps to 0–255 and reports what it fixed", () => {
    const r = coerceCurve([
      [255, 300],
      [0, -4],
    ]);
    expect(r.curve).toEqual([
      [0, 0],
      [255, 255],
    ]);
    expect(r.fixes.length).toBe(2);
  });

  it("rejects odd coordinates, single points and text", () => {
    expect(coerceCurve([0, 0, 255]).error).toMatch(/pairs/);
    expect(coerceCurve([[10, 10]]).error).toMatch(/two points/);
    expect(coerceCurve(["a, b"]).error).toMatch(/non-numeric/);
    expect(coerceCurve(42).error).toBeDefined();
  });
});
