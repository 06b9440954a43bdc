import "server-only";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/lib/errors";

export type ReceivedFile = { field: string; filename: string; path: string; size: number };
export type Received = { files: ReceivedFile[]; fields: Record<string, string> };

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Streams a multipart/form-data body to disk, part by part, never holding a
 * file in memory: file parts go to `dir/<n>` in arrival order, text fields
 * are kept (each at most 16 MB). Refuses the upload with TOO_LARGE (413) and
 * the real limit as soon as the body passes `maxBytes`, and removes `dir` on
 * any failure so a rejected upload leaves nothing behind.
 */
export async function receiveMultipart(
  req: Request,
  { dir, maxBytes, maxFiles, what }: { dir: string; maxBytes: number; maxFiles: number; what: string },
): Promise<Received> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(type) || !req.body) throw new AppError("VALIDATION", `Send the ${what} as multipart/form-data`);
  const tooLarge = () =>
    new AppError(
      "TOO_LARGE",
      `The ${what} is larger than the ${mb(maxBytes)} limit (MAX_${what === "image" ? "UPLOAD" : "IMPORT_UPLOAD"}_BYTES)`,
    );
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  await mkdir(dir, { recursive: true });
  const source = Readable.fromWeb(req.body as unknown as WebReadableStream);
  try {
    return await new Promise<Received>((resolve, reject) => {
      const files: ReceivedFile[] = [];
      const fields: Record<string, string> = {};
      const writes: Promise<void>[] = [];
      let total = 0;
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        source.unpipe();
        source.destroy();
        reject(error);
      };
      let bb: busboy.Busboy;
      try {
        bb = busboy({
          headers: { "content-type": type },
          limits: { files: maxFiles, fields: 20, fieldSize: 16 * 1024 * 1024, fileSize: maxBytes + 1 },
        });
      } catch {
        throw new AppError("VALIDATION", `Send the ${what} as multipart/form-data with a boundary`);
      }
      bb.on("file", (field, stream, info) => {
        if (failed) return void stream.resume();
        const entry: ReceivedFile = { field, filename: info.filename ?? "", path: join(dir, String(files.length)), size: 0 };
        files.push(entry);
        const counter = new Transform({
          transform(chunk: Buffer, _enc, done) {
            entry.size += chunk.length;
            total += chunk.length;
            done(total > maxBytes ? tooLarge() : null, chunk);
          },
        });
        writes.push(pipeline(stream, counter, createWriteStream(entry.path)).catch((e) => fail(e)));
      });
      bb.on("field", (name, value, info) => {
        if (info.valueTruncated) return fail(new AppError("TOO_LARGE", `Form field "${name}" is too long`));
        fields[name] = value;
      });
      bb.on("filesLimit", () => fail(new AppError("TOO_LARGE", `At most ${maxFiles} files per upload`)));
      bb.on("fieldsLimit", () => fail(new AppError("VALIDATION", "Too many form fields")));
      bb.on("error", () => fail(new AppError("VALIDATION", `The ${what} upload is not valid multipart/form-data (truncated?)`)));
      bb.on("close", () => {
        Promise.all(writes).then(() => (failed ? undefined : resolve({ files, fields })), fail);
      });
      source.on("error", () => fail(new AppError("VALIDATION", `The ${what} upload was interrupted`)));
      source.pipe(bb);
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
