/**
 * Polls `fn` until it returns something truthy (which is returned), or
 * throws after `timeoutMs` naming `what` was awaited. For integration tests
 * that watch workers in other processes.
 */
export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, what = "condition"): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await fn();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
