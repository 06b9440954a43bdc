import { beforeAll, describe, expect, it } from "vitest";
import { decodeRgb } from "@/test/images";
import { hueOf } from "../color/hsv";
import type { PointColor } from "../params/point-colors";
import { renderImage } from "../render";
import type { Image8 } from "./decode";
import { applyPointColor, prophotoHsv, rangeWeight, swatchWeight } from "./point-color";

const px = (...rgb: number[]) => ({ data: Float32Array.from(rgb), width: rgb.length / 3, height: 1 });

/** A swatch sampled from a display colour with Lightroom's default ranges (as the dropper makes it). */
function sampled(rgb: [number, number, number], shifts: Partial<PointColor> = {}): PointColor {
  const hsv = new Float64Array(3);
  prophotoHsv(...rgb, hsv);
  const around = (c: number) => [c - 0.73, c - 0.18, c + 0.18, c + 0.73].map((v) => Math.min(1, Math.max(0, v))) as PointColor["SatRange"];
  const lum = 1.055 * Math.pow(hsv[2], 1 / 2.4) - 0.055;
  return {
    SrcHue: hsv[0],
    SrcSat: hsv[1],
    SrcLum: hsv[2],
    HueShift: 0,
    SatScale: 0,
    LumScale: 0,
    RangeAmount: 0.5,
    HueRange: [0, 1 / 3, 2 / 3, 1],
    SatRange: around(hsv[1]),
    LumRange: around(lum),
    Variance: 0,
    ...shifts,
  };
}

const ORANGE: [number, number, number] = [0.85, 0.45, 0.15];
const BLUE: [number, number, number] = [0.15, 0.3, 0.8];

describe("applyPointColor", () => {
  it("moves a pixel at the source colour and leaves a far colour and grey alone", () => {
    const swatch = sampled(ORANGE, { HueShift: -1, SatScale: -0.5, LumScale: 0.5 });
    const img = px(...ORANGE, ...BLUE, 0.5, 0.5, 0.5);
    const out = applyPointColor({ image: img, swatches: [swatch] }).data;
    // Orange: hue toward red, less chroma, brighter.
    const chroma = (i: number) => Math.max(out[i], out[i + 1], out[i + 2]) - Math.min(out[i], out[i + 1], out[i + 2]);
    const turned = ((hueOf(out[0], out[1], out[2]) - hueOf(...ORANGE) + 540) % 360) - 180;
    expect(turned).toBeLessThan(-15);
    expect(chroma(0)).toBeLessThan((ORANGE[0] - ORANGE[2]) * 0.8);
    expect(out[0] + out[1] + out[2]).toBeGreaterThan(ORANGE[0] + ORANGE[1] + ORANGE[2]);
    expect(Array.from(out.subarray(3, 6)).map((v) => +v.toFixed(6))).toEqual(BLUE);
    expect(Array.from(out.subarray(6)).map((v) => +v.toFixed(6))).toEqual([0.5, 0.5, 0.5]);
  });

  it("selects less the further the hue is from the source (monotone falloff)", () => {
    const swatch = sampled(ORANGE);
    const hsv = new Float64Array(3);
    prophotoHsv(...ORANGE, hsv);
    let last = Infinity;
    for (let d = 0; d <= 1.2; d += 0.05) {
      const w = swatchWeight(swatch, [(hsv[0] + d) % 6, hsv[1], hsv[2]]);
      expect(w).toBeLessThanOrEqual(last + 1e-12);
      last = w;
    }
    expect(swatchWeight(swatch, hsv)).toBe(1);
    expect(last).toBe(0);
  });

  it("a wider Range selects more of a neighbouring colour", () => {
    const hsv = new Float64Array(3);
    prophotoHsv(...ORANGE, hsv);
    const near = [hsv[0] + 0.5, hsv[1], hsv[2]];
    const w = (range: number) => swatchWeight(sampled(ORANGE, { RangeAmount: range }), near);
    expect(w(0)).toBeLessThan(w(0.5));
    expect(w(0.5)).toBeLessThan(w(1));
  });

  it("range weight is a trapezoid: 1 inside, 0 outside, monotone on each ramp", () => {
    const r = [0.2, 0.4, 0.6, 0.8];
    expect(rangeWeight(0.5, r, 1)).toBe(1);
    expect(rangeWeight(0.1, r, 1)).toBe(0);
    expect(rangeWeight(0.9, r, 1)).toBe(0);
    expect(rangeWeight(0.25, r, 1)).toBeLessThan(rangeWeight(0.35, r, 1));
    expect(rangeWeight(0.75, r, 1)).toBeLessThan(rangeWeight(0.65, r, 1));
  });

  it("negative Variance pulls a nearby hue toward the source", () => {
    const swatch = sampled(ORANGE, { Variance: -1 });
    const yellowish = [0.85, 0.6, 0.15];
    const hsv = new Float64Array(3);
    const before = new Float64Array(3);
    prophotoHsv(yellowish[0], yellowish[1], yellowish[2], before);
    const out = applyPointColor({ image: px(...yellowish), swatches: [swatch] }).data;
    prophotoHsv(out[0], out[1], out[2], hsv);
    expect(Math.abs(hsv[0] - swatch.SrcHue)).toBeLessThan(Math.abs(before[0] - swatch.SrcHue));
  });

  it("is continuous all round the hue circle, also where Δh wraps at ±180° (Variance acts inside the hue window only)", () => {
    const swatch = sampled(ORANGE, { Variance: -1, HueShift: 0.5, SatRange: [0, 0, 1, 1], LumRange: [0, 0, 1, 1] });
    // Faint colours (chroma 0.06 about grey 0.5) every ½°: neighbours must stay neighbours.
    const steps = 720;
    const rgb: number[] = [];
    for (let i = 0; i < steps; i++) {
      const a = (i / steps) * 2 * Math.PI;
      rgb.push(0.5 + 0.06 * Math.cos(a), 0.5 + 0.06 * Math.cos(a - (2 * Math.PI) / 3), 0.5 + 0.06 * Math.cos(a + (2 * Math.PI) / 3));
    }
    const out = applyPointColor({ image: px(...rgb), swatches: [swatch] }).data;
    let worst = 0;
    for (let i = 0; i < steps; i++) {
      const j = ((i + 1) % steps) * 3;
      for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(out[i * 3 + k] - out[j + k]));
    }
    expect(worst).toBeLessThan(0.003);
  });

  it("rejects out-of-range shifts", () => {
    expect(() => applyPointColor({ image: px(0.5, 0.5, 0.5), swatches: [sampled(ORANGE, { HueShift: 2 })] })).toThrow(RangeError);
  });
});

describe("Point Color in renderImage", () => {
  let photo: Image8;
  beforeAll(async () => {
    photo = await decodeRgb("public/samples/citrus-fruits.jpg", { width: 200 });
  });

  it("is rendered (not reported) and the LUT path agrees with the float path within 2 codes", () => {
    const params = { PointColors: [sampled(ORANGE, { HueShift: 0.6, SatScale: 0.4, LumScale: -0.3 })] };
    const fast = renderImage({ image: photo, params });
    const exact = renderImage({ image: photo, params, options: { exact: true } });
    expect(fast.report.applied).toContain("PointColors");
    expect(fast.report.notRendered).toEqual([]);
    let changed = 0;
    let within = 0;
    for (let i = 0; i < photo.data.length; i++) {
      if (fast.image.data[i] !== photo.data[i]) changed++;
      if (Math.abs(fast.image.data[i] - exact.image.data[i]) <= 2) within++;
    }
    expect(changed).toBeGreaterThan(photo.data.length / 20);
    expect(within / photo.data.length).toBeGreaterThanOrEqual(0.999);
  });
});
