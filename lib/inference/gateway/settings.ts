/**
 * Gateway tuning, from env with defaults; read on each use so tests and the
 * bench can change them. Per-model limits (timeout, retries, concurrency)
 * live in the models table instead.
 */
export function gatewaySettings() {
  const n = (name: string, fallback: number) => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && process.env[name] !== "" && process.env[name] !== undefined ? v : fallback;
  };
  return {
    /** Consecutive connection failures / 5xx / timeouts that open an endpoint's breaker. */
    breakerThreshold: n("INFERENCE_BREAKER_THRESHOLD", 5),
    /** How often an open breaker probes `/health`. */
    probeIntervalMs: n("INFERENCE_BREAKER_PROBE_MS", 5_000),
    /** First retry delay; doubles per attempt, with jitter. */
    backoffMs: n("INFERENCE_BACKOFF_MS", 500),
    backoffMaxMs: n("INFERENCE_BACKOFF_MAX_MS", 20_000),
  };
}

/**
 * How calls are logged (`INFERENCE_CALL_LOG`): `sync` (default: each call's
 * row is durable before it returns), `async` (background batches), or `off`,
 * the benchmark's baseline (no log reads or writes; ignored, i.e. `sync`, when
 * NODE_ENV=production so no deployment can run unaccounted calls).
 */
export function callLogMode(): "sync" | "async" | "off" {
  const v = process.env.INFERENCE_CALL_LOG;
  if (v === "async") return "async";
  if (v === "off" && process.env.NODE_ENV !== "production") return "off";
  return "sync";
}
