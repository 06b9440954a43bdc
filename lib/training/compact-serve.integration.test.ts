// The gateway's openai-compatible backend against training/compact/serve.py serving checkpoints the
// compact trainer has just trained (tiny, on a preset-derived export): the policy and reward roles
// parse live model answers. Needs /usr/bin/python3 with torch + PIL (scripts/test.sh installs them).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/context";
import { closeInferenceRedis, createModel, runRole, setModelActive, stopBreakerProbers } from "@/lib/inference";

const PYTHON = process.env.COMPACT_PYTHON ?? "/usr/bin/python3";
const hasTorch = spawnSync(PYTHON, ["-c", "import torch, PIL"], { stdio: "ignore" }).status === 0;
const ctx = systemContext();
const SLIDER_KEYS = ["Exposure2012", "Contrast2012", "Highlights2012", "Shadows2012", "Whites2012", "Blacks2012", "Vibrance", "Saturation"];

let dir = "";
let server: ChildProcess | null = null;
let endpoint = "";
const modelIds: string[] = [];
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { cwd: process.cwd(), encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  return r.stdout;
};

describe.skipIf(!hasTorch)(
  `compact checkpoints served over the OpenAI wire${hasTorch ? "" : " (skipped: no torch in " + PYTHON + ")"}`,
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "compact-serve-"));
      run("node_modules/.bin/tsx", [
        "--conditions=react-server",
        "scripts/make-preset-corpus.ts",
        "--out",
        dir,
        "--count",
        "24",
        "--size",
        "64",
        "--presets",
        "training/data/presets/Presets",
      ]);
      run(PYTHON, [
        "training/compact/train.py",
        "--data",
        join(dir, "policy_rl.jsonl"),
        "--out",
        join(dir, "run"),
        "--rounds",
        "1",
        "--res",
        "24",
        "--grid-size",
        "9",
        "--scale",
        "0.3",
        "--perturb-per-sample",
        "1",
        "--group",
        "4",
        "--grpo-batch",
        "4",
      ]);
      const ck = join(dir, "run", "round_1");
      server = spawn(
        PYTHON,
        ["training/compact/serve.py", "--policy", join(ck, "policy.pt"), "--reward", join(ck, "reward.pt"), "--port", "0"],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      endpoint = await new Promise<string>((resolve, reject) => {
        server!.once("exit", (code) => reject(new Error(`serve.py exited with ${code}`)));
        server!.stdout!.on("data", (chunk: Buffer) => {
          const m = String(chunk).match(/listening on (http:\/\/\S+)/);
          if (m) resolve(`${m[1]}/v1`);
        });
      });
      const suffix = Math.random().toString(36).slice(2, 8);
      for (const role of ["policy", "reward"] as const) {
        const m = await createModel({
          ctx,
          input: {
            name: `compact-${role}-${suffix}`,
            role,
            backend: "openai-compatible",
            endpoint,
            servedModel: `compact-${role}`,
            pixelBudget: 65_536,
            timeoutMs: 10_000,
            maxRetries: 0,
            temperature: role === "policy" ? 0.8 : 0,
            active: true,
          },
        });
        modelIds.push(m.id);
      }
    }, 180_000);

    afterAll(async () => {
      for (const id of modelIds) await setModelActive({ ctx, input: { id, active: false } });
      server?.kill();
      stopBreakerProbers();
      await closeInferenceRedis();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const photo = () => ({ bytes: new Uint8Array(readFileSync(join(dir, "images", "pd-1-00003.jpg"))) });

    it("the policy role parses the trained policy's RetouchIQ edits, with reasoning", async () => {
      const r = await runRole({
        ctx,
        role: "policy",
        input: { source: photo(), instruction: "Make it brighter: +0.8 EV exposure, +25 contrast.", n: 3 },
      });
      expect(r.ok, r.ok ? "" : r.error).toBe(true);
      if (!r.ok) return;
      expect(r.model.backend).toBe("openai-compatible");
      expect(r.output.samples).toHaveLength(3);
      for (const s of r.output.samples) {
        expect(s.format).toBe("retouchiq");
        expect(s.formatOk).toBe(true);
        expect(s.reasoning).toMatch(/instruction/);
        expect(Object.keys(s.params).every((k) => SLIDER_KEYS.includes(k))).toBe(true);
      }
      // Sampled at temperature 0.8: the three rollouts differ.
      expect(new Set(r.output.samples.map((s) => s.text)).size).toBeGreaterThan(1);
    });

    it("the reward role parses the trained reward model's scores, and swapping A and B swaps them", async () => {
      const instruction = "Give the photo a bright, punchy look: +0.9 EV exposure, +40 contrast, +30 saturation.";
      const a = { params: { Exposure2012: 0.9, Contrast2012: 40, Saturation: 30 } };
      const b = { params: { Exposure2012: -1.2, Saturation: -60 } };
      const ab = await runRole({ ctx, role: "reward", input: { source: photo(), instruction, a, b } });
      const ba = await runRole({ ctx, role: "reward", input: { source: photo(), instruction, a: b, b: a } });
      expect(ab.ok && ba.ok).toBe(true);
      if (!ab.ok || !ba.ok) return;
      expect(ab.output.metrics.length).toBeGreaterThan(0);
      expect(ab.output.scores.A).toBeGreaterThanOrEqual(0);
      expect(ab.output.scores.A).toBeLessThanOrEqual(10);
      expect(ab.output.scores.A).not.toBe(ab.output.scores.B);
      expect(ba.output.scores.A).toBeCloseTo(ab.output.scores.B, 2);
      expect(ba.output.scores.B).toBeCloseTo(ab.output.scores.A, 2);
    });
  },
);
