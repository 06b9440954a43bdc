import { parquetReadObjects } from "hyparquet";
import type { ExportFormat } from "@/db/schema";
import { IMAGES_PER_ROW } from "./build-export";
import type { DataFile } from "./types";

const countTags = (s: string) => s.split("<image>").length - 1;
const parseJson = (s: unknown, what: string): Record<string, unknown> => {
  if (typeof s !== "string") throw new Error(`${what} must be a JSON string`);
  const v = JSON.parse(s) as unknown;
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new Error(`${what} must be a JSON object`);
  return v as Record<string, unknown>;
};
const need = (cond: unknown, message: string) => {
  if (!cond) throw new Error(message);
};

/**
 * Reads an export's data files back and checks each row against the engine's
 * documented schema (../shared ENGINES.md): field names, `<image>` count equal
 * to `len(images)` (and to what the format shows), the answer JSON parses and
 * carries `sample_id` / `strong` + `pair_id`. Returns the rows per file; throws
 * with the file and row on the first violation.
 */
export async function validateExport(format: ExportFormat, files: DataFile[]): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const file of files) {
    if (file.path === "dataset_info.json") {
      const info = JSON.parse(new TextDecoder().decode(file.bytes)) as Record<
        string,
        { file_name: string; formatting: string; columns: Record<string, string> }
      >;
      for (const entry of Object.values(info)) {
        need(
          entry.formatting === "sharegpt" && entry.columns.messages === "conversations" && entry.columns.images === "images",
          "dataset_info entry is not sharegpt",
        );
        need(
          files.some((f) => f.path === entry.file_name),
          `dataset_info names ${entry.file_name}, which is not in the export`,
        );
      }
      continue;
    }
    const rows = file.path.endsWith(".parquet")
      ? ((await parquetReadObjects({
          file: file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer,
        })) as Record<string, unknown>[])
      : new TextDecoder()
          .decode(file.bytes)
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as Record<string, unknown>);
    rows.forEach((row, i) => {
      try {
        validateRow(format, row);
      } catch (error) {
        throw new Error(`${file.path} row ${i}: ${(error as Error).message}`);
      }
    });
    out[file.path] = rows;
  }
  return out;
}

function validateRow(format: ExportFormat, row: Record<string, unknown>) {
  const want = IMAGES_PER_ROW[format];
  const images = row.images as unknown[];
  need(Array.isArray(images) && images.length === want, `images must be a list of ${want}`);
  let prompt: string;
  let answer: Record<string, unknown> | null = null;
  if (format.startsWith("easyr1")) {
    need(
      sameKeys(row, ["problem", "images", "answer"]),
      `EasyR1 row keys must be problem, images, answer; got ${Object.keys(row).join(", ")}`,
    );
    need(
      images.every((p) => typeof p === "string"),
      "EasyR1 images must be path strings",
    );
    prompt = row.problem as string;
    answer = parseJson(row.answer, "answer");
  } else if (format.startsWith("verl")) {
    need(
      sameKeys(row, ["data_source", "prompt", "images", "ability", "reward_model", "extra_info"]),
      `verl row keys wrong: ${Object.keys(row).join(", ")}`,
    );
    const chat = row.prompt as { role: string; content: string }[];
    need(
      Array.isArray(chat) && chat.length === 1 && chat[0].role === "user" && typeof chat[0].content === "string",
      "verl prompt must be a one-turn user chat list",
    );
    need(
      images.every((p) => typeof (p as { image?: unknown }).image === "string" && (p as { image: string }).image.startsWith("file://")),
      "verl images must be {image: file://…}",
    );
    const rm = row.reward_model as { style?: string; ground_truth?: unknown };
    need(typeof rm?.style === "string", "reward_model.style missing");
    need(typeof (row.extra_info as { index?: unknown })?.index !== "undefined", "extra_info.index missing");
    prompt = chat[0].content;
    answer = parseJson(rm.ground_truth, "reward_model.ground_truth");
  } else {
    need(sameKeys(row, ["conversations", "images"]), "sharegpt row keys must be conversations, images");
    const turns = row.conversations as { from: string; value: string }[];
    need(turns.length === 2 && turns[0].from === "human" && turns[1].from === "gpt", "sharegpt turns must be human then gpt");
    need(/<answer>[\s\S]*<\/answer>/.test(turns[1].value), "the gpt turn must end in <answer>…</answer>");
    prompt = turns[0].value;
  }
  need(countTags(prompt) === images.length, `prompt has ${countTags(prompt)} <image> tags for ${images.length} images`);
  if (answer && format.endsWith("policy")) need(typeof answer.sample_id === "string", "answer.sample_id missing");
  if (answer && format.endsWith("pgrt"))
    need((answer.strong === "A" || answer.strong === "B") && typeof answer.pair_id === "string", "answer.strong / pair_id missing");
}

const sameKeys = (row: Record<string, unknown>, keys: string[]) => Object.keys(row).sort().join() === [...keys].sort().join();
