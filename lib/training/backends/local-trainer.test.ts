import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLocalTrainer } from "./local-trainer";

const waitFor = async (fn: () => Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("local trainer backend", () => {
  it("runs a real command to completion, keeps its log, and a duplicate submit starts nothing", async () => {
    const trainer = createLocalTrainer({ workDir: mkdtempSync(path.join(tmpdir(), "riq-local-")) });
    const ckpt = path.join(mkdtempSync(path.join(tmpdir(), "riq-ckpt-")), "model.ckpt");
    const argv = ["/bin/sh", "-c", `echo "step 1 loss 0.5"; echo "$RIQ_TAG" > ${ckpt}; echo done >&2`];
    expect(await trainer.submit({ submissionId: "run-a", argv, env: { RIQ_TAG: "weights-v1" } })).toEqual({
      submissionId: "run-a",
      created: true,
    });
    expect((await trainer.submit({ submissionId: "run-a", argv })).created).toBe(false);
    await waitFor(async () => (await trainer.status("run-a")).status === "SUCCEEDED");
    expect(await readFile(ckpt, "utf8")).toBe("weights-v1\n");
    expect(await trainer.logs("run-a")).toMatch(/step 1 loss 0\.5[\s\S]*done/);
  });

  it("reports a failing command as FAILED with its exit code, and stops a running one", async () => {
    const trainer = createLocalTrainer({ workDir: mkdtempSync(path.join(tmpdir(), "riq-local-")) });
    await trainer.submit({ submissionId: "run-b", argv: ["/bin/sh", "-c", "echo boom >&2; exit 3"] });
    await waitFor(async () => (await trainer.status("run-b")).status === "FAILED");
    expect(await trainer.status("run-b")).toMatchObject({ exitCode: 3 });

    await trainer.submit({ submissionId: "run-c", argv: ["/bin/sh", "-c", "sleep 30"] });
    await waitFor(async () => (await trainer.status("run-c")).status === "RUNNING");
    expect(await trainer.stop("run-c")).toBe(true);
    await waitFor(async () => (await trainer.status("run-c")).status === "STOPPED");
    expect(await trainer.stop("run-c")).toBe(false);
    await expect(trainer.submit({ submissionId: "../evil", argv: ["true"] })).rejects.toThrow(/bad submission id/);
  });
});
