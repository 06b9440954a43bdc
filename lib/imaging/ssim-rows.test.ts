import { describe, expect, it } from "vitest";
import { SsimRows } from "./ssim-rows";

/** Feed two grey images given as row-major arrays of luma values. */
function feed(rows: SsimRows, x: number[], y: number[]) {
  const q = rows.moments;
  for (let r = 0; r < rows.height; r++) {
    for (let i = 0; i < rows.width; i++) {
      const xv = x[r * rows.width + i];
      const yv = y[r * rows.width + i];
      q.set([xv, yv, xv * xv + yv * yv, xv * yv], 4 * i);
    }
    rows.push();
  }
}

describe("SsimRows (streaming SSIM)", () => {
  it("gives the hand-computed value for a 3×3 window over a 3×3 pair", () => {
    // σ → ∞ makes the window uniform: μ and σ are plain (population) means and variances.
    const rows = new SsimRows({ width: 3, height: 3, windowSize: 3, sigma: 1e9 });
    const x = [0, 10, 20, 30, 40, 50, 60, 70, 80];
    const y = [5, 5, 25, 25, 45, 45, 65, 65, 85];
    feed(rows, x, y);
    const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
    const mx = mean(x),
      my = mean(y);
    const vx = mean(x.map((v) => (v - mx) ** 2)),
      vy = mean(y.map((v) => (v - my) ** 2));
    const cxy = mean(x.map((v, i) => (v - mx) * (y[i] - my)));
    const c1 = (0.01 * 255) ** 2,
      c2 = (0.03 * 255) ** 2;
    const expected = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
    expect(rows.mean()).toBeCloseTo(expected, 10);
  });

  it("is reusable after reset and refuses a wrong number of rows", () => {
    const rows = new SsimRows({ width: 12, height: 12 });
    const img = Array.from({ length: 144 }, (_, i) => (i * 37) % 256);
    feed(rows, img, img);
    expect(rows.mean()).toBeCloseTo(1, 12);
    rows.reset();
    rows.push();
    expect(() => rows.mean()).toThrow(/1 of 12 rows/);
    for (let r = 1; r < 12; r++) rows.push();
    expect(() => rows.push()).toThrow(/more than 12 rows/);
  });
});
