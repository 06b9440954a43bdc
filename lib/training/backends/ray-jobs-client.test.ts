import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRayJobsServer } from "@/test/ray-jobs-server";
import { createRayJobsClient, RayJobsError } from "./ray-jobs-client";

let ray: Awaited<ReturnType<typeof startRayJobsServer>>;
beforeAll(async () => {
  ray = await startRayJobsServer({ token: "secret-token" });
});
afterAll(() => ray.close());

describe("Ray Jobs client against a loopback job server", () => {
  it("submits with a submission_id, and a duplicate submit returns the same job without launching another", async () => {
    const client = createRayJobsClient({ baseUrl: ray.url, token: "secret-token" });
    const first = await client.submit({
      entrypoint: "python3 -m verl.trainer.main",
      submissionId: "run-1-policy",
      metadata: { run: "1" },
      runtimeEnv: { env_vars: { A: "1" } },
    });
    expect(first).toEqual({ submissionId: "run-1-policy", created: true });
    const again = await client.submit({ entrypoint: "python3 -m verl.trainer.main", submissionId: "run-1-policy" });
    expect(again).toEqual({ submissionId: "run-1-policy", created: false });
    expect(ray.submitted()).toBe(1);
    expect(ray.jobs.get("run-1-policy")!.metadata).toEqual({ run: "1" });
  });

  it("follows status transitions and reads the whole log", async () => {
    const client = createRayJobsClient({ baseUrl: ray.url, token: "secret-token" });
    await client.submit({ entrypoint: "echo hi", submissionId: "run-2" });
    expect((await client.status("run-2")).status).toBe("PENDING");
    ray.setStatus("run-2", "RUNNING");
    ray.appendLog("run-2", "step 1 loss 0.5\n");
    expect((await client.status("run-2")).status).toBe("RUNNING");
    ray.appendLog("run-2", "step 2 loss 0.4\n");
    expect(await client.logs("run-2")).toBe("step 1 loss 0.5\nstep 2 loss 0.4\n");
    ray.setStatus("run-2", "SUCCEEDED");
    const done = await client.status("run-2");
    expect(done).toMatchObject({ status: "SUCCEEDED", driver_exit_code: 0 });
    expect(done.end_time).toEqual(expect.any(Number));
  });

  it("stops a running job once; stopping a terminal job reports false", async () => {
    const client = createRayJobsClient({ baseUrl: ray.url, token: "secret-token" });
    await client.submit({ entrypoint: "sleep 100", submissionId: "run-3" });
    ray.setStatus("run-3", "RUNNING");
    expect(await client.stop("run-3")).toBe(true);
    expect((await client.status("run-3")).status).toBe("STOPPED");
    expect(await client.stop("run-3")).toBe(false);
  });

  it("maps 401 to an auth error, unknown jobs to not_found, and a dead server to unavailable", async () => {
    const wrong = createRayJobsClient({ baseUrl: ray.url, token: "nope" });
    await expect(wrong.submit({ entrypoint: "x", submissionId: "run-4" })).rejects.toMatchObject({ kind: "auth", status: 401 });
    await expect(createRayJobsClient({ baseUrl: ray.url }).version()).rejects.toBeInstanceOf(RayJobsError);
    const client = createRayJobsClient({ baseUrl: ray.url, token: "secret-token" });
    expect((await client.version()).ray_version).toBe("2.52.0");
    await expect(client.status("missing")).rejects.toMatchObject({ kind: "not_found" });
    await expect(client.submit({ entrypoint: "", submissionId: "run-5" })).rejects.toMatchObject({ kind: "bad_request" });
    const dead = createRayJobsClient({ baseUrl: "http://127.0.0.1:1", timeoutMs: 2000 });
    await expect(dead.status("x")).rejects.toMatchObject({ kind: "unavailable" });
  });
});
