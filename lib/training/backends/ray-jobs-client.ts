// A thin client of Ray's Jobs REST API (dashboard :8265; ray `job_head.py`).
// No JS client exists; this one covers what the platform needs: submit with a
// submission_id (idempotent), status, logs, stop. Node-only, no db.

/** Ray's job states (JobStatus). */
export const RAY_JOB_STATUSES = ["PENDING", "RUNNING", "STOPPED", "SUCCEEDED", "FAILED"] as const;
export type RayJobStatus = (typeof RAY_JOB_STATUSES)[number];

/** The fields of Ray's JobDetails the platform reads. */
export type RayJobDetails = {
  submission_id: string;
  status: RayJobStatus;
  entrypoint: string;
  message?: string | null;
  error_type?: string | null;
  start_time?: number | null;
  end_time?: number | null;
  metadata?: Record<string, string> | null;
  driver_exit_code?: number | null;
};

export type RaySubmit = {
  entrypoint: string;
  submissionId: string;
  runtimeEnv?: { working_dir?: string; env_vars?: Record<string, string>; pip?: string[]; excludes?: string[] };
  /** Ray accepts string → string only. */
  metadata?: Record<string, string>;
  entrypointNumGpus?: number;
  entrypointNumCpus?: number;
};

/** Why a Ray call failed: `auth` (401/403), `not_found`, `bad_request`, `unavailable` (network, 5xx, timeout). */
export class RayJobsError extends Error {
  constructor(
    readonly kind: "auth" | "not_found" | "bad_request" | "unavailable",
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "RayJobsError";
  }
}

export type RayJobsClientOptions = {
  /** Dashboard address, e.g. `http://ray-head:8265`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` (Ray ≥ 2.52 `RAY_AUTH_MODE=token`, or an authenticating proxy). */
  token?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/** Creates a client; every call has a timeout and maps HTTP failures to {@link RayJobsError}. */
export function createRayJobsClient({ baseUrl, token, timeoutMs = 15_000, fetch: doFetch = fetch }: RayJobsClientOptions) {
  const root = baseUrl.replace(/\/+$/, "");
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await doFetch(`${root}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new RayJobsError("unavailable", `Ray dashboard unreachable at ${root}: ${(error as Error).message}`);
    }
    const text = await res.text();
    if (res.status === 401 || res.status === 403) throw new RayJobsError("auth", `Ray refused the credentials (${res.status})`, res.status);
    if (res.status === 404) throw new RayJobsError("not_found", `Ray: ${text.slice(0, 200) || "not found"}`, 404);
    if (res.status >= 400 && res.status < 500) throw new RayJobsError("bad_request", `Ray: ${text.slice(0, 500)}`, res.status);
    if (!res.ok) throw new RayJobsError("unavailable", `Ray answered ${res.status}: ${text.slice(0, 200)}`, res.status);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new RayJobsError("unavailable", `Ray answered non-JSON: ${text.slice(0, 200)}`, res.status);
    }
  }

  return {
    /**
     * Submits a job. Idempotent on `submissionId`: when Ray already has that
     * id (it answers 400 "already exists"), the existing job is returned with
     * `created: false` instead of launching a second one.
     */
    async submit(s: RaySubmit): Promise<{ submissionId: string; created: boolean }> {
      try {
        const out = (await call("POST", "/api/jobs/", {
          entrypoint: s.entrypoint,
          submission_id: s.submissionId,
          ...(s.runtimeEnv ? { runtime_env: s.runtimeEnv } : {}),
          ...(s.metadata ? { metadata: s.metadata } : {}),
          ...(s.entrypointNumGpus !== undefined ? { entrypoint_num_gpus: s.entrypointNumGpus } : {}),
          ...(s.entrypointNumCpus !== undefined ? { entrypoint_num_cpus: s.entrypointNumCpus } : {}),
        })) as { submission_id: string };
        return { submissionId: out.submission_id, created: true };
      } catch (error) {
        if (error instanceof RayJobsError && error.kind === "bad_request" && /already exists/i.test(error.message)) {
          const existing = await this.status(s.submissionId);
          return { submissionId: existing.submission_id, created: false };
        }
        throw error;
      }
    },
    /** JobDetails of one job (404 → RayJobsError not_found). */
    status: (id: string) => call("GET", `/api/jobs/${encodeURIComponent(id)}`) as Promise<RayJobDetails>,
    /** The job's whole driver log (Ray returns all of it every time). */
    logs: async (id: string) => ((await call("GET", `/api/jobs/${encodeURIComponent(id)}/logs`)) as { logs: string }).logs,
    /** Asks Ray to stop a job; `false` when it was already terminal. */
    stop: async (id: string) => ((await call("POST", `/api/jobs/${encodeURIComponent(id)}/stop`)) as { stopped: boolean }).stopped,
    /** `{ ray_version, … }`: a cheap connection test. */
    version: () => call("GET", "/api/version") as Promise<{ version: string; ray_version: string }>,
  };
}
export type RayJobsClient = ReturnType<typeof createRayJobsClient>;
