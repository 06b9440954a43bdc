import { describe, expect, it } from "vitest";
import { minCostAssignment } from "./assignment";

/** The least total cost over every assignment, by trying them all (small matrices only). */
function bruteForce(cost: number[][]): number {
  const rows = cost.length;
  const cols = cost[0].length;
  const k = Math.min(rows, cols);
  let best = Infinity;
  const usedRows = new Set<number>();
  const usedCols = new Set<number>();
  const walk = (picked: number, sum: number, fromRow: number) => {
    if (picked === k) return void (best = Math.min(best, sum));
    for (let r = fromRow; r < rows; r++) {
      if (usedRows.has(r)) continue;
      usedRows.add(r);
      for (let c = 0; c < cols; c++) {
        if (usedCols.has(c)) continue;
        usedCols.add(c);
        walk(picked + 1, sum + cost[r][c], r + 1);
        usedCols.delete(c);
      }
      usedRows.delete(r);
    }
  };
  walk(0, 0, 0);
  return best;
}

const total = (cost: number[][], pairs: Array<[number, number]>) => pairs.reduce((s, [r, c]) => s + cost[r][c], 0);

describe("minCostAssignment", () => {
  it("solves the textbook 3×3 case", () => {
    // scipy's linear_sum_assignment docs example: rows → cols [1, 0, 2], cost 5.
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    expect(minCostAssignment(cost)).toEqual([
      [0, 1],
      [1, 0],
      [2, 2],
    ]);
  });

  it("pairs only the smaller side of a rectangular matrix, both ways round", () => {
    const wide = [[0.9, 0.1, 0.5]];
    expect(minCostAssignment(wide)).toEqual([[0, 1]]);
    const tall = [[0.9], [0.1], [0.5]];
    expect(minCostAssignment(tall)).toEqual([[1, 0]]);
    expect(minCostAssignment([])).toEqual([]);
  });

  it("finds the least total cost on random matrices (checked by brute force)", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let t = 0; t < 40; t++) {
      const rows = 1 + (t % 5);
      const cols = 1 + ((t * 3) % 5);
      const cost = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.round(rand() * 100) / 100));
      const pairs = minCostAssignment(cost);
      expect(pairs).toHaveLength(Math.min(rows, cols));
      expect(new Set(pairs.map((p) => p[1])).size).toBe(pairs.length);
      expect(total(cost, pairs)).toBeCloseTo(bruteForce(cost), 9);
    }
  });
});
