import { describe, expect, it } from "vitest";
import { bradleyTerry, type Comparison } from "./bradley-terry";
import { mulberry32 as seededRandom } from "@/lib/develop/params";

/** Simulated players with known log-strengths (mean 0, like the fitted scores). */
const TRUTH: Record<string, number> = { p1: 1.2, p2: 0.6, p3: 0.2, p4: -0.3, p5: -0.7, p6: -1.0 };

function simulate(seed: number, games: number, tieRate = 0): Comparison[] {
  const rand = seededRandom(seed);
  const names = Object.keys(TRUTH);
  const out: Comparison[] = [];
  for (let g = 0; g < games; g++) {
    const i = Math.floor(rand() * names.length);
    let j = Math.floor(rand() * (names.length - 1));
    if (j >= i) j++;
    const [a, b] = [names[i], names[j]];
    const pa = 1 / (1 + Math.exp(TRUTH[b] - TRUTH[a]));
    const r = rand();
    out.push({ a, b, outcome: r < tieRate ? "tie" : rand() < pa ? "a" : "b" });
  }
  return out;
}

describe("Bradley–Terry", () => {
  it("recovers the order of simulated players with known strengths", () => {
    const ratings = bradleyTerry(simulate(7, 3000), { bootstrap: 0 });
    expect(ratings.map((r) => r.player)).toEqual(Object.keys(TRUTH));
    for (const r of ratings) expect(Math.abs(r.score - TRUTH[r.player])).toBeLessThan(0.2);
  });

  it("counts ties as half wins (two players who always tie rate equal)", () => {
    const comps: Comparison[] = Array.from({ length: 20 }, () => ({ a: "x", b: "y", outcome: "tie" }));
    const [r1, r2] = bradleyTerry(comps, { bootstrap: 0 });
    expect(r1.score).toBeCloseTo(r2.score, 6);
  });

  it("95% bootstrap intervals cover the true strengths near the nominal rate (seeded, 40 simulations)", () => {
    let covered = 0;
    let total = 0;
    for (let s = 0; s < 40; s++) {
      const ratings = bradleyTerry(simulate(1000 + s, 600), { bootstrap: 150, seed: s + 1 });
      for (const r of ratings) {
        total++;
        if (r.lo <= TRUTH[r.player] && TRUTH[r.player] <= r.hi) covered++;
      }
    }
    const rate = covered / total;
    console.log(`[bt] 95% interval coverage ${covered}/${total} = ${(rate * 100).toFixed(1)}%`);
    expect(rate).toBeGreaterThan(0.88);
    expect(rate).toBeLessThan(0.995);
  });
});
