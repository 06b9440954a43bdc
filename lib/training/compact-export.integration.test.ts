// The compact trainer on a real platform export: the LLaMA-Factory policy SFT bundle createExport
// stores (data file + images from the blob store), downloaded as a trainer node would see it, then
// training/compact/train.py runs a round on it. Needs /usr/bin/python3 with torch + PIL.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "@/lib/context";
import { getBlobStore } from "@/lib/storage";
import { makeActor } from "@/test/actors";
import { seedSamples } from "@/test/training/training-fixtures";
import { createExport, getExportFile } from "./export";
import type { ExportManifest } from "./export/manifest";

const PYTHON = process.env.COMPACT_PYTHON ?? "/usr/bin/python3";
const hasTorch = spawnSync(PYTHON, ["-c", "import torch, PIL"], { stdio: "ignore" }).status === 0;
const dir = mkdtempSync(join(tmpdir(), "compact-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasTorch)(`compact trainer on a platform export${hasTorch ? "" : " (skipped: no torch in " + PYTHON + ")"}`, () => {
  it("trains from the downloaded llamafactory-policy-sft bundle and reports a round", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const { snapshotId } = await seedSamples(8, { edge: 96 });
    const { export: row } = await createExport({ ctx, input: { format: "llamafactory-policy-sft", name: "compact-sft", snapshotId } });
    const store = getBlobStore();
    const manifestFile = await getExportFile({ ctx, input: { exportId: row.id, path: "manifest.json" } });
    const manifest = JSON.parse((await store.get(manifestFile.blobKey))!.toString()) as ExportManifest;
    for (const f of manifest.files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), (await store.get(f.blobKey))!);
    }
    const data = manifest.files.map((f) => f.path).find((p) => /^policy_sft_train\.jsonl$/.test(p));
    expect(data).toBeTruthy();
    const out = join(dir, "run");
    const r = spawnSync(
      PYTHON,
      [
        "training/compact/train.py",
        "--data",
        join(dir, data!),
        "--out",
        out,
        "--rounds",
        "1",
        "--res",
        "24",
        "--grid-size",
        "9",
        "--scale",
        "0.1",
        "--perturb-per-sample",
        "1",
        "--group",
        "4",
        "--grpo-batch",
        "4",
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(summary).toMatchObject({ type: "summary", rounds: 1, samples: 8 });
    const evals = readFileSync(join(out, "metrics.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((e) => e.type === "eval");
    expect(evals.map((e) => e.round)).toEqual([0, 1]);
    expect(evals[1].reward.perturbed.n).toBeGreaterThan(0);
    // The export's edit (Exposure +0.5, Shadows +20) is what the policy was fitted to.
    const rows = readFileSync(join(dir, data!), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows[0].conversations[1].value).toMatch(/Exposure2012/);
  }, 180_000);
});
