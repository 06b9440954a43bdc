import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, type ExportFormat } from "@/db/schema";
import { parseEdit } from "@/lib/edits";
import { buildExport, FORMAT_INPUT } from "./build-export";
import { exportContentHash } from "./manifest";
import type { PairItem, PolicyItem } from "./types";
import { validateExport } from "./validate-export";

const sha = (n: number) => n.toString(16).padStart(64, "0");
const policyItems: PolicyItem[] = Array.from({ length: 12 }, (_, i) => ({
  sampleId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  trajectoryId: `t${i}`,
  instruction: `Make it warmer ${i} and lift the "shadows"`,
  source: { sha256: sha(i % 5), format: (i % 5) % 2 ? "jpeg" : "png" },
  params: { Exposure2012: 0.1 * i, Contrast2012: -10 },
  reasoning: "The photo is cold.",
  split: i % 4 === 0 ? "val" : "train",
  category: "quality",
}));
const pairItems: PairItem[] = Array.from({ length: 20 }, (_, i) => ({
  pairId: `pair-${String(i).padStart(3, "0")}`,
  trajectoryId: `t${i}`,
  instruction: `Brighten ${i}`,
  original: { sha256: sha(100 + (i % 3)), format: "jpeg" },
  strong: { sha256: sha(200 + i), format: "png" },
  weak: { sha256: sha(300 + i), format: "png" },
  weakSource: i % 2 ? "perturbed" : "policy@1",
  split: "train",
  metrics: [{ name: "Brightness", description: "mean luminance should rise" }],
  scores: { strong: 8.5, weak: 3 },
}));
const opts = { seed: "export-1", imageRoot: "/data/riq/exp", round: 1 };
const build = (format: ExportFormat) =>
  buildExport(
    format,
    FORMAT_INPUT[format] === "policy" ? { kind: "policy", items: policyItems } : { kind: "pairs", items: pairItems },
    opts,
  );

describe("buildExport", () => {
  it.each(EXPORT_FORMATS)("%s rows pass the engine's documented schema", async (format) => {
    const built = build(format);
    const rows = await validateExport(format, built.dataFiles);
    const n = Object.values(rows).reduce((s, r) => s + r.length, 0);
    expect(n).toBe(FORMAT_INPUT[format] === "policy" ? 12 : 20);
    expect(built.counts.rows).toBe(n);
    // Every referenced image is listed once, under its content address.
    const distinct = FORMAT_INPUT[format] === "policy" ? 5 : 3 + 20 + 20;
    expect(built.images).toHaveLength(distinct);
    for (const img of built.images) expect(img.path).toMatch(new RegExp(`^images/${img.sha256}\\.(jpg|png)$`));
  });

  it("writes EasyR1 policy rows with the sample id in the answer and train/val split files", async () => {
    const built = build("easyr1-policy");
    expect(built.dataFiles.map((f) => f.path)).toEqual(["train.parquet", "val.parquet"]);
    const rows = await validateExport("easyr1-policy", built.dataFiles);
    const val = rows["val.parquet"];
    expect(val).toHaveLength(3);
    const answer = JSON.parse(val[0].answer as string);
    expect(answer).toEqual({
      sample_id: policyItems[0].sampleId,
      instruction: policyItems[0].instruction,
      src: `images/${sha(0)}.png`,
      round: 1,
    });
    expect(val[0].images).toEqual([`images/${sha(0)}.png`]);
  });

  it("randomises the strong slot across PGRT pairs and points answer.strong at the strong image", async () => {
    const rows = (await validateExport("easyr1-pgrt", build("easyr1-pgrt").dataFiles))["train.parquet"];
    const slots = rows.map((r) => JSON.parse(r.answer as string).strong as string);
    expect(new Set(slots)).toEqual(new Set(["A", "B"]));
    rows.forEach((row) => {
      const answer = JSON.parse(row.answer as string);
      const pair = pairItems.find((p) => p.pairId === answer.pair_id)!;
      const images = row.images as string[];
      expect(images[0]).toContain(pair.original.sha256);
      expect(images[answer.strong === "A" ? 1 : 2]).toContain(pair.strong.sha256);
      expect(images[answer.strong === "A" ? 2 : 1]).toContain(pair.weak.sha256);
    });
  });

  it("writes verl rows with file:// images under the image root and the same ground truth JSON", async () => {
    const rows = (await validateExport("verl-policy", build("verl-policy").dataFiles))["train.parquet"];
    expect((rows[0].images as { image: string }[])[0].image).toMatch(/^file:\/\/\/data\/riq\/exp\/images\/[0-9a-f]{64}\.(png|jpg)$/);
    expect(JSON.parse((rows[0].reward_model as { ground_truth: string }).ground_truth).sample_id).toBe(
      (rows[0].extra_info as { sample_id: string }).sample_id,
    );
  });

  it("writes LLaMA-Factory SFT targets that lib/edits parses back to the expert params, and registers them", async () => {
    const built = build("llamafactory-policy-sft");
    const rows = await validateExport("llamafactory-policy-sft", built.dataFiles);
    const first = rows["policy_sft_train.jsonl"][0] as { conversations: { value: string }[] };
    const parsed = parseEdit(first.conversations[1].value);
    expect(parsed.formatOk).toBe(true);
    expect(parsed.params.Contrast2012).toBe(-10);
    const info = JSON.parse(new TextDecoder().decode(built.dataFiles.find((f) => f.path === "dataset_info.json")!.bytes));
    expect(Object.keys(info).sort()).toEqual(["riq_policy_sft_train", "riq_policy_sft_val"]);

    const reward = await validateExport("llamafactory-reward-sft", build("llamafactory-reward-sft").dataFiles);
    const answer = (reward["reward_sft_train.jsonl"][0] as { conversations: { value: string }[] }).conversations[1].value;
    const scores = JSON.parse(answer.match(/<answer>(.*)<\/answer>/s)![1]).scores;
    expect(Math.max(scores.A, scores.B)).toBe(8.5);
  });

  it("gives byte-identical files and the same content hash for the same items in any order", () => {
    const a = build("verl-pgrt");
    const b = buildExport("verl-pgrt", { kind: "pairs", items: [...pairItems].reverse() }, opts);
    expect(b.dataFiles.map((f) => Buffer.from(f.bytes).toString("hex"))).toEqual(
      a.dataFiles.map((f) => Buffer.from(f.bytes).toString("hex")),
    );
    const files = (x: typeof a) => [
      ...x.dataFiles.map((f) => ({ path: f.path, blobKey: String(f.bytes.length) })),
      ...x.images.map((i) => ({ path: i.path, blobKey: i.sha256 })),
    ];
    expect(exportContentHash("verl-pgrt", files(a))).toBe(exportContentHash("verl-pgrt", files(b)));
    const other = buildExport("verl-pgrt", { kind: "pairs", items: pairItems.slice(1) }, opts);
    expect(exportContentHash("verl-pgrt", files(other))).not.toBe(exportContentHash("verl-pgrt", files(a)));
  });

  it("catches a row whose <image> tags and images disagree", async () => {
    const built = build("easyr1-policy");
    const bad = new TextEncoder().encode(
      JSON.stringify({
        conversations: [
          { from: "human", value: "<image><image>x" },
          { from: "gpt", value: "<answer>{}</answer>" },
        ],
        images: ["a.jpg"],
      }) + "\n",
    );
    await expect(
      validateExport("llamafactory-policy-sft", [{ path: "x.jsonl", bytes: bad, contentType: "application/jsonl" }]),
    ).rejects.toThrow(/images must be a list of 1|2 <image> tags/);
    expect(built.dataFiles.length).toBeGreaterThan(0);
  });
});
