import { describe, expect, it } from "vitest";
import { normalizeParams } from "../params";
import { readXmp } from "../xmp";
import { planRender } from "./plan-render";

const mired = (k: number) => 1e6 / k;

describe("white-balance semantics", () => {
  it("measures absolute Kelvin/Tint of a raw source from the as-shot values in the params", () => {
    const plan = planRender({ Temperature: 3800, Tint: 12, AsShotTemperature: 4400, AsShotTint: 4 });
    expect(plan.global.whiteBalance!.temperature).toBeCloseTo((mired(4400) - mired(3800)) / 1.5, 6);
    expect(plan.global.whiteBalance!.tint).toBeCloseTo((8 * 100) / 150, 6);
    expect(plan.approximated).toEqual([]);
    // The −600 K shift from 4400 K is far smaller than the −1 700 K the 5500 K reading gave.
    expect(Math.abs(plan.global.whiteBalance!.temperature ?? 0)).toBeLessThan(30);
  });

  it("takes the as-shot value from the render context (trajectory metadata) when the params lack it", () => {
    const plan = planRender({ Temperature: 5000 }, { asShot: { temperature: 5000, tint: 0 } });
    expect(plan.global.whiteBalance).toBeNull();
    const warmer = planRender({ Temperature: 6000 }, { asShot: { temperature: 5000 } });
    expect(warmer.global.whiteBalance!.temperature).toBeCloseTo((mired(5000) - mired(6000)) / 1.5, 6);
  });

  it("falls back to 5500 K / 0 without an as-shot value and reports the approximation", () => {
    const plan = planRender({ Temperature: 3800 });
    expect(plan.global.whiteBalance!.temperature).toBeCloseTo((mired(5500) - mired(3800)) / 1.5, 6);
    expect(plan.approximated.map((a) => a.key)).toEqual(["Temperature"]);
    expect(plan.applied).toContain("Temperature");
  });

  it("reads WhiteBalance=As Shot as no absolute shift", () => {
    expect(planRender({ WhiteBalance: "As Shot", Temperature: 3800, AsShotTemperature: 4400 }).global.whiteBalance).toBeNull();
  });

  it("renders the relative −100…+100 keys of rendered files as they are, added to an absolute shift", () => {
    expect(planRender({ IncrementalTemperature: 40, IncrementalTint: -10 }).global.whiteBalance).toEqual({ temperature: 40, tint: -10 });
    const both = planRender({ IncrementalTemperature: 10, Temperature: 4800, AsShotTemperature: 4400 });
    expect(both.global.whiteBalance!.temperature).toBeCloseTo(10 + (mired(4400) - mired(4800)) / 1.5, 6);
  });

  it("reads a preset's signed Temperature as a relative Kelvin offset, not an absolute value clamped to 2000 K", () => {
    const warm = normalizeParams({ Temperature: "+400" });
    expect(warm.params.Temperature).toBeUndefined();
    expect(warm.params.IncrementalTemperature).toBe(Math.round((mired(5500) - mired(5900)) / 1.5));
    expect(warm.issues.map((i) => i.code)).toEqual(["converted"]);
    const cool = normalizeParams({ Temperature: "-300", IncrementalTemperature: 5 });
    expect(cool.params.IncrementalTemperature).toBe(5 + Math.round((mired(5500) - mired(5200)) / 1.5));
    // An unsigned Kelvin value stays absolute.
    expect(normalizeParams({ Temperature: "6500" }).params.Temperature).toBe(6500);
  });

  it("reads AsShotTemperature from a Camera Raw export", () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:WhiteBalance="Custom" crs:Temperature="3800" crs:Tint="+5" crs:AsShotTemperature="4400" crs:AsShotTint="+5"/></rdf:RDF></x:xmpmeta>`;
    const { params, issues } = readXmp(xmp);
    expect(issues).toEqual([]);
    const plan = planRender(params);
    expect(plan.global.whiteBalance!.temperature).toBeCloseTo((mired(4400) - mired(3800)) / 1.5, 6);
    expect(plan.global.whiteBalance!.tint).toBe(0);
  });
});
