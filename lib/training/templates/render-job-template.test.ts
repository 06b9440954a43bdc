import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderJobTemplate, TEMPLATE_ENGINES } from "./render-job-template";

const vars = {
  runId: "7f0c",
  dataDir: "/data/riq/exports/abc",
  modelPath: "Qwen/Qwen2.5-VL-7B-Instruct",
  checkpointDir: "/ckpt/run-7f0c",
  experiment: "round 1 policy's run",
  apiToken: "riq_secret",
  rewardUrl: "http://studio:3000/api/v1/rewards/policy:batch",
};

// Keys each engine's config actually has (EasyR1 examples/config.yaml; verl ppo_trainer.yaml @ b178a3c),
// so a typo in a template fails here instead of on a GPU node.
const KNOWN: Record<string, RegExp> = {
  easyr1:
    /^(data\.(train_files|val_files|prompt_key|image_key|answer_key|image_dir|max_pixels|min_pixels|max_prompt_length|rollout_batch_size|format_prompt)|worker\.actor\.(model\.model_path|optim\.lr|global_batch_size)|worker\.rollout\.(n|limit_images|tensor_parallel_size|gpu_memory_utilization)|worker\.reward\.(reward_function|reward_function_kwargs\.\w+)|algorithm\.(adv_estimator|kl_coef|use_kl_loss|kl_penalty|disable_kl)|trainer\.(project_name|experiment_name|nnodes|n_gpus_per_node|save_checkpoint_path|save_freq|save_limit))$/,
  verl: /^\+?(algorithm\.(adv_estimator|use_kl_in_reward)|data\.(train_files|val_files|prompt_key|image_key|train_batch_size|max_prompt_length)|actor_rollout_ref\.(model\.path|actor\.(optim\.lr|use_kl_loss|kl_loss_coef|kl_loss_type)|rollout\.(n|limit_images))|custom_reward_function\.(path|name|reward_kwargs\.\w+)|reward_model\.reward_manager|trainer\.(project_name|experiment_name|nnodes|n_gpus_per_node|default_local_dir|save_freq))$/,
};

describe("renderJobTemplate", () => {
  it.each(TEMPLATE_ENGINES)("%s renders every key to a known engine config key with no placeholder left", (engine) => {
    for (const kind of ["policy", "reward"] as const) {
      const job = renderJobTemplate({ engine, vars: { ...vars, kind } });
      expect(job.templateVersion).toBe("v1");
      for (const [key, value] of Object.entries(job.overrides)) {
        expect(key).toMatch(KNOWN[engine]);
        expect(value).not.toMatch(/\{\{|\}\}/);
        expect(value).not.toBe("");
      }
      const limit = engine === "easyr1" ? "worker.rollout.limit_images" : "+actor_rollout_ref.rollout.limit_images";
      expect(job.overrides[limit]).toBe(kind === "policy" ? "1" : "3");
      const fn =
        engine === "easyr1" ? job.overrides["worker.reward.reward_function"].split(":")[0] : job.overrides["custom_reward_function.path"];
      // The reward function the template names is a file in this repo.
      expect(existsSync(fn)).toBe(true);
      expect(job.runtimeEnv.env_vars).toEqual({ RIQ_API_TOKEN: "riq_secret", RIQ_RUN_ID: "7f0c" });
    }
  });

  it("renders EasyR1's documented column names and the train/val files", () => {
    const job = renderJobTemplate({ engine: "easyr1", vars: { ...vars, kind: "policy", hasVal: true } });
    expect(job.overrides).toMatchObject({
      "data.prompt_key": "problem",
      "data.image_key": "images",
      "data.answer_key": "answer",
      "data.train_files": "/data/riq/exports/abc/train.parquet",
      "data.val_files": "/data/riq/exports/abc/val.parquet",
      "worker.reward.reward_function": "training/easyr1/reward_fn.py:main",
    });
    expect(job.checkpointGlob).toBe("/ckpt/run-7f0c/global_step_*/actor/huggingface");
  });

  it("quotes the entrypoint so a shell splits it back into the same argv", () => {
    for (const engine of TEMPLATE_ENGINES) {
      const job = renderJobTemplate({ engine, vars: { ...vars, kind: "policy" } });
      const split = execFileSync(
        "/usr/bin/python3",
        ["-c", "import json,shlex,sys; print(json.dumps(shlex.split(sys.argv[1])))", job.entrypoint],
        { encoding: "utf8" },
      );
      expect(JSON.parse(split)).toEqual(job.argv);
    }
  });

  it("refuses bad variables and unknown versions", () => {
    expect(() => renderJobTemplate({ engine: "easyr1", vars: { ...vars, kind: "policy", dataDir: "relative/dir" } })).toThrow(/absolute/);
    expect(() => renderJobTemplate({ engine: "verl", version: "v9", vars: { ...vars, kind: "policy" } })).toThrow(/ENOENT|no such file/);
  });
});
