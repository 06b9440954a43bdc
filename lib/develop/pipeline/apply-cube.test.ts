import { describe, expect, it } from "vitest";
import { renderImage } from "../render";
import { applyCube } from "./apply-cube";
import { cubeKernel } from "./cube-kernel";
import { bakeGlobalLut } from "./lut3d";
import { planRender } from "./plan-render";
import { rowBands } from "./row-bands";
import { syntheticImage } from "./synthetic-image";
import { toneRegionsFor } from "./tone-regions";

const EDIT = { Highlights2012: -60, Shadows2012: 45, Exposure2012: 0.4, Vibrance: 30, HueAdjustmentOrange: -10 };

describe("cube kernel with tone regions", () => {
  it("renders an RGBA image like its RGB copy and keeps the alpha", () => {
    const rgba = syntheticImage({ width: 300, height: 90, channels: 4 });
    const rgb = syntheticImage({ width: 300, height: 90, channels: 3 });
    const a = renderImage({ image: rgba, params: EDIT }).image.data;
    const b = renderImage({ image: rgb, params: EDIT }).image.data;
    let same = 0;
    for (let p = 0; p < 300 * 90; p++) {
      for (let c = 0; c < 3; c++) if (a[p * 4 + c] === b[p * 3 + c]) same++;
      expect(a[p * 4 + 3]).toBe(rgba.data[p * 4 + 3]);
    }
    expect(same).toBe(300 * 90 * 3);
  });

  it("renders a stripe of an image wider than its row buffers like the whole render", () => {
    const wide = syntheticImage({ width: 9000, height: 4 });
    const { image } = renderImage({ image: wide, params: EDIT });
    const narrow = renderImage({ image: syntheticImage({ width: 9000, height: 4 }), params: EDIT, options: { rows: [0, 2] } });
    expect(Array.from(image.data.subarray(0, 9000 * 3 * 2))).toEqual(Array.from(narrow.image.data.subarray(0, 9000 * 3 * 2)));
  });

  it("keeps the compact head short however far exposure and levels push the values", () => {
    for (const params of [
      { Exposure2012: 5, Whites2012: 100, Shadows2012: 100 },
      { Exposure2012: -5, Blacks2012: 100, Highlights2012: -100 },
    ]) {
      const lut = bakeGlobalLut({ settings: planRender({ ...params, Vibrance: 20 }).global, size: 33 });
      expect(lut.regionHead!.cells[0].length).toBeLessThan(4096 * 1.6);
    }
  });
});

describe("cube kernel in WebAssembly", () => {
  const cases = [
    { name: "tone regions, RGB", params: EDIT, channels: 3 as const },
    { name: "tone regions, RGBA", params: EDIT, channels: 4 as const },
    {
      name: "no tone regions, 65³ cube",
      params: { Exposure2012: -0.3, Vibrance: 60, SaturationAdjustmentRed: -40 },
      channels: 3 as const,
      size: 65,
    },
    {
      name: "strong lifts",
      params: { Highlights2012: -100, Shadows2012: 100, Whites2012: 60, Blacks2012: -60, HueAdjustmentBlue: 30 },
      channels: 3 as const,
    },
  ];

  it("is available in Node, so the renders above ran on it", () => {
    expect(cubeKernel()).not.toBeNull();
  });

  it.each(cases)("gives the JS kernel's bytes: $name", ({ params, channels, size }) => {
    const image = syntheticImage({ width: 517, height: 61, channels, seed: 7 });
    const settings = planRender(params).global;
    const lut = bakeGlobalLut({ settings, size: size ?? 33 });
    const regions = toneRegionsFor(image, settings);
    const render = (wasm: boolean) => {
      const dst = new Uint8Array(image.data.length);
      applyCube({
        image,
        dst,
        lut,
        grid: lut.grid!,
        regions: lut.levels > 1 ? regions : null,
        bands: rowBands([3, 58], image.height),
        wasm,
      });
      return dst;
    };
    const js = render(false);
    const wasm = render(true);
    expect(js.subarray(3 * 517 * channels, 58 * 517 * channels).some((v) => v !== 0)).toBe(true);
    expect(Buffer.from(wasm).equals(Buffer.from(js))).toBe(true);
  });
});
