import { beforeAll, describe, expect, it } from "vitest";
import { pathExists } from "@/test/files";
import { decodeRgb } from "@/test/images";
import { LUMA_B, LUMA_G, LUMA_R } from "./color/luma";
import { SRGB_DECODE_LUT } from "./color/srgb";
import { PARAM_KEYS, PARAM_SPECS, type DevelopParams, type ParamSpec } from "./params";
import { decodeSrgb8, type Image8 } from "./pipeline/decode";
import { planRender } from "./pipeline/plan-render";
import { runGlobalStages } from "./pipeline/run-global";
import { runSpatialStages } from "./pipeline/run-spatial";
import { syntheticImage } from "./pipeline/synthetic-image";
import { srgbToLinear } from "./color/srgb";
import { prepareGlobalRender, renderImage } from "./render";

const SAMPLE = "public/samples/coffee.jpg";

/** A real photo (downsized) when the sample set is present, else the synthetic stand-in. */
async function realisticImage(): Promise<Image8> {
  if (!pathExists(SAMPLE)) return syntheticImage({ width: 200, height: 140 });
  return decodeRgb(SAMPLE, { width: 200 });
}

const render = (image: Image8, params: DevelopParams, seed = 0) => renderImage({ image, params, options: { seed } }).image;

function stats(img: Image8) {
  const n = img.width * img.height;
  let sumY = 0;
  let sumY2 = 0;
  let chroma = 0;
  let warm = 0;
  for (let p = 0; p < n; p++) {
    const [r, g, b] = [0, 1, 2].map((c) => SRGB_DECODE_LUT[img.data[p * img.channels + c]]);
    const y = LUMA_R * r + LUMA_G * g + LUMA_B * b;
    sumY += y;
    sumY2 += y * y;
    const d = img.data.subarray(p * img.channels, p * img.channels + 3);
    chroma += Math.max(d[0], d[1], d[2]) - Math.min(d[0], d[1], d[2]);
    warm += d[0] - d[2];
  }
  const mean = sumY / n;
  return { mean, std: Math.sqrt(sumY2 / n - mean * mean), chroma: chroma / n, warm: warm / n };
}

describe("renderImage properties", () => {
  let image: Image8;
  beforeAll(async () => {
    image = await realisticImage();
  });

  it("default parameters give back the input (within 1 code), on both paths", () => {
    for (const exact of [false, true]) {
      const out = renderImage({ image, params: {}, options: { exact } }).image.data;
      let max = 0;
      for (let i = 0; i < out.length; i++) max = Math.max(max, Math.abs(out[i] - image.data[i]));
      expect(max).toBeLessThanOrEqual(1);
    }
  });

  it("+1 EV doubles linear values below the highlight shoulder's knee", () => {
    const out = render(image, { Exposure2012: 1 }).data;
    let checked = 0;
    for (let i = 0; i < out.length; i++) {
      const before = SRGB_DECODE_LUT[image.data[i]];
      if (before < 0.02 || before > 0.24) continue;
      expect(SRGB_DECODE_LUT[out[i]] / before).toBeGreaterThan(1.9);
      expect(SRGB_DECODE_LUT[out[i]] / before).toBeLessThan(2.1);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  const sweeps: [string, keyof DevelopParams, number[], (s: ReturnType<typeof stats>) => number][] = [
    ["mean luminance", "Exposure2012", [-2, -1, -0.3, 0, 0.3, 1, 2], (s) => s.mean],
    ["luminance spread", "Contrast2012", [-100, -50, 0, 50, 100], (s) => s.std],
    ["mean chroma", "Saturation", [-100, -50, 0, 50, 100], (s) => s.chroma],
    ["mean chroma", "Vibrance", [-100, -50, 0, 50, 100], (s) => s.chroma],
    ["warmth (R − B)", "IncrementalTemperature", [-100, -50, 0, 50, 100], (s) => s.warm],
    ["warmth (R − B)", "Temperature", [3000, 4500, 5500, 7000, 9000], (s) => s.warm],
    ["mean luminance", "Shadows2012", [-100, 0, 100], (s) => s.mean],
    ["mean luminance", "Highlights2012", [-100, 0, 100], (s) => s.mean],
  ];
  for (const [what, key, values, measure] of sweeps) {
    it(`raising ${key} never lowers the ${what}`, () => {
      const results = values.map((v) => measure(stats(render(image, { [key]: v }))));
      for (let i = 1; i < results.length; i++) expect(results[i], `${key}=${values[i]}`).toBeGreaterThan(results[i - 1]);
    });
  }

  it("every numeric parameter at its min and max renders finite, in-range values on both paths", () => {
    const small = syntheticImage({ width: 48, height: 32 });
    for (const key of PARAM_KEYS) {
      const spec: ParamSpec = PARAM_SPECS[key];
      if (spec.kind !== "number") continue;
      for (const value of [spec.min, spec.max]) {
        const params = { [key]: value } as DevelopParams;
        const plan = planRender(params);
        const float = decodeSrgb8({ image: small });
        runGlobalStages({ image: float, settings: plan.global });
        for (let i = 0; i < float.data.length; i++) float.data[i] = srgbToLinear(Math.min(1, float.data[i]));
        runSpatialStages({ image: float, plan, seed: 3 });
        const bad = float.data.findIndex((v) => !Number.isFinite(v) || v < 0);
        expect(bad, `${key}=${value}`).toBe(-1);
        expect(() => render(small, params)).not.toThrow();
      }
    }
  });

  it("is deterministic: same input, params and seed give the same bytes; another seed changes the grain", () => {
    const params: DevelopParams = { GrainAmount: 40, Clarity2012: 20, Exposure2012: 0.2 };
    const a = render(image, params, 11);
    expect(render(image, params, 11)).toEqual(a);
    expect(render(image, params, 12).data).not.toEqual(a.data);
  });

  it("keeps alpha and reports what it did not render", () => {
    const rgba = syntheticImage({ width: 32, height: 24, channels: 4 });
    const result = renderImage({
      image: rgba,
      params: {
        Exposure2012: 0.5,
        RedHue: 20,
        MaskGroupBasedCorrections: [
          { CorrectionAmount: 1, LocalExposure2012: 0.25, CorrectionMasks: [{ What: "Mask/Image", MaskSubType: 2 }] },
          {
            CorrectionAmount: 1,
            LocalExposure2012: 0.25,
            CorrectionMasks: [{ What: "Mask/Gradient", ZeroX: 0.5, ZeroY: 0, FullX: 0.5, FullY: 1 }],
          },
        ],
      },
    });
    for (let p = 0; p < 32 * 24; p++) expect(result.image.data[p * 4 + 3]).toBe(rgba.data[p * 4 + 3]);
    const keys = result.report.notRendered.map((n) => n.key);
    expect(keys).toContain("RedHue");
    expect(keys).toContain("MaskGroupBasedCorrections[0].CorrectionMasks[0]");
    expect(keys).not.toContain("MaskGroupBasedCorrections[1]");
    expect(result.report.applied).toEqual(expect.arrayContaining(["Exposure2012", "MaskGroupBasedCorrections"]));
  });

  it("a radial mask with local exposure brightens the centre more than the corners", () => {
    const params: DevelopParams = {
      MaskGroupBasedCorrections: [
        {
          CorrectionAmount: 1,
          LocalExposure2012: 0.25,
          CorrectionMasks: [{ What: "Mask/CircularGradient", Top: 0.25, Left: 0.25, Bottom: 0.75, Right: 0.75, Feather: 0.3 }],
        },
      ],
    };
    const flat: Image8 = { data: new Uint8Array(60 * 40 * 3).fill(100), width: 60, height: 40, channels: 3 };
    const out = render(flat, params).data;
    const at = (x: number, y: number) => out[(y * 60 + x) * 3 + 1];
    expect(at(30, 20)).toBeGreaterThan(130);
    expect(Math.abs(at(1, 1) - 100)).toBeLessThanOrEqual(1);
  });
});

describe("stripe rendering (rows)", () => {
  it("joins stripes into exactly the whole render, tone regions included", () => {
    const image = syntheticImage({ width: 96, height: 70 });
    const params = { Exposure2012: 0.4, Shadows2012: 60, Highlights2012: -40, Vibrance: 20 };
    const whole = renderImage({ image, params }).image.data;
    const out = new Uint8Array(whole.length);
    renderImage({ image, params, options: { out, rows: [0, 33] } });
    renderImage({ image, params, options: { out, rows: [33, 70] } });
    expect(Array.from(out)).toEqual(Array.from(whole));
    expect(() => renderImage({ image, params: { Clarity2012: 20 }, options: { rows: [0, 10] } })).toThrow(RangeError);
  });

  it("renders stripes with a bake and tone regions prepared separately (through a structured clone) like the whole render", () => {
    const image = syntheticImage({ width: 96, height: 70 });
    const params = { Exposure2012: 0.4, Shadows2012: 60, Highlights2012: -40, Vibrance: 20 };
    const whole = renderImage({ image, params }).image.data;
    const prepared = structuredClone({
      ...prepareGlobalRender({ part: "lut", image, params }),
      ...prepareGlobalRender({ part: "regions", image, params }),
    });
    expect(prepared.regions).not.toBeNull();
    const out = new Uint8Array(whole.length);
    renderImage({ image, params, options: { out, rows: [0, 40], prepared } });
    renderImage({ image, params, options: { out, rows: [40, 70], prepared } });
    expect(Array.from(out)).toEqual(Array.from(whole));
  });

  it.each([
    { name: "cube with tone regions", params: { Exposure2012: 0.4, Shadows2012: 60, Highlights2012: -40, Vibrance: 20 } },
    { name: "per-channel tables only", params: { Exposure2012: -0.3, Contrast2012: 25 } },
  ])(
    "renders the bands a shared counter hands out, in any order and split between two renders, like the whole render: $name",
    ({ params }) => {
      const image = syntheticImage({ width: 96, height: 70, channels: 4 });
      const whole = renderImage({ image, params }).image.data;
      const out = new Uint8Array(whole.length);
      // Bands of 9 rows, claimed out of order (the last one short); two renders share the counter
      // as two threads would, and each stops when none is left.
      const order = [3, 0, 7, 5, 1, 6, 2, 4];
      let claimed = 0;
      const rendered: number[] = [];
      const bands = () => {
        if (claimed >= order.length) return null;
        const band = order[claimed++];
        rendered.push(band);
        return [band * 9, Math.min(70, band * 9 + 9)] as const;
      };
      let calls = 0;
      const firstThread = () => (++calls > 3 ? null : bands());
      renderImage({ image, params, options: { out, rows: firstThread } });
      expect(rendered).toHaveLength(3);
      renderImage({ image, params, options: { out, rows: bands } });
      expect(rendered.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(Array.from(out)).toEqual(Array.from(whole));
    },
  );

  it("rejects a band outside the image", () => {
    const image = syntheticImage({ width: 16, height: 10 });
    const once = [[8, 12] as const];
    expect(() => renderImage({ image, params: { Exposure2012: 0.2 }, options: { rows: () => once.pop() ?? null } })).toThrow(
      /0 ≤ start ≤ end ≤ 10/,
    );
  });
});
