/**
 * Runs `task` over `items` with at most `limit` in flight, yielding to the
 * event loop between items (renders are synchronous CPU work), and stops
 * starting new items once `deadline` (epoch ms) has passed: those get
 * `onLate(item)` instead. Results keep the input order.
 */
export async function mapBounded<T, R>(
  items: T[],
  { limit, deadline }: { limit: number; deadline: number },
  task: (item: T, index: number) => Promise<R>,
  onLate: (item: T) => R,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await new Promise((resolve) => setImmediate(resolve));
      out[i] = Date.now() > deadline ? onLate(items[i]) : await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return out;
}
