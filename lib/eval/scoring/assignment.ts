/**
 * Minimum-cost assignment (the Hungarian method, Kuhn–Munkres with
 * potentials, O(n²·m)) for a rectangular `cost[row][col]` matrix, as
 * `scipy.optimize.linear_sum_assignment` solves it: every row of the smaller
 * side is paired with a distinct column (or vice versa) so the summed cost is
 * least. Returns the pairs sorted by row.
 */
export function minCostAssignment(cost: number[][]): Array<[row: number, col: number]> {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : cost[0].length;
  if (rows === 0 || cols === 0) return [];
  if (cost.some((r) => r.length !== cols)) throw new RangeError("Cost matrix rows differ in length");
  // The method below needs rows ≤ columns: solve the transpose otherwise.
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, c) => cost.map((r) => r[c]));
    return minCostAssignment(transposed)
      .map(([c, r]): [number, number] => [r, c])
      .sort((a, b) => a[0] - b[0]);
  }
  // 1-based arrays; column 0 is a virtual start. u, v: row and column potentials.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const rowOfCol = new Int32Array(cols + 1); // 0 = free
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    rowOfCol[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Infinity);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = rowOfCol[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[rowOfCol[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOfCol[j0] !== 0);
    // Flip the augmenting path.
    do {
      const j1 = way[j0];
      rowOfCol[j0] = rowOfCol[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const pairs: Array<[number, number]> = [];
  for (let j = 1; j <= cols; j++) if (rowOfCol[j] !== 0) pairs.push([rowOfCol[j] - 1, j - 1]);
  return pairs.sort((a, b) => a[0] - b[0]);
}
