import { describe, expect, it } from "vitest";
import { computeEvalMetrics } from "./eval-metrics";
import { createMetricsPool } from "./metrics-pool";
import { rawImage } from "@/test/images";

describe("metrics pool", () => {
  it("scores pairs on worker threads exactly as on the main thread, concurrently and in order", async () => {
    const pool = createMetricsPool({ size: 2 });
    try {
      const ref = rawImage(48, 32, (x, y) => [(x * 5 + y) % 256, (x * y) % 256, (3 * x + 7 * y) % 256]);
      const pairs = [10, 20, 40].map((k) => ({
        reference: ref,
        edited: rawImage(48, 32, (x, y) => [(x * 5 + y + k) % 256, (x * y) % 256, (3 * x + 7 * y) % 256]),
      }));
      const results = await Promise.all(pairs.map((p) => pool.score(p)));
      results.forEach((r, i) => expect(r).toEqual(computeEvalMetrics(pairs[i])));
      // The caller's buffers are copied, not moved to the thread.
      expect(pairs[0].edited.data.byteLength).toBe(48 * 32 * 3);
      await expect(pool.score({ edited: rawImage(4, 4, () => [0, 0, 0]), reference: ref })).rejects.toThrow(/differ in size/);
    } finally {
      await pool.close();
    }
  });

  it("scores each pair from its own pixels when the threads' buffers are reused", async () => {
    const pool = createMetricsPool({ size: 1 });
    try {
      // Queued on one thread: each copy lands in the buffers an earlier pair came back in.
      const image = (k: number, width = 40) => rawImage(width, 24, (x, y) => [(x * k + y) % 256, (x + y * k) % 256, (k * 29) % 256]);
      const pairs = [1, 2, 3, 4].map((k) => ({ edited: image(k), reference: image(k + 7) }));
      pairs.push({ edited: image(5, 33), reference: image(9, 33) }, { edited: image(6), reference: image(6) });
      const results = await Promise.all(pairs.map((pair) => pool.score(pair)));
      results.forEach((r, i) => expect(r).toEqual(computeEvalMetrics(pairs[i])));
      expect(results[5].ssim).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
