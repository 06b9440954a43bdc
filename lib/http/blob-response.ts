import "server-only";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { getBlobStore } from "@/lib/storage";
import { PRIVATE_IMMUTABLE } from "./cache-control";

/**
 * Parses a single-range `Range: bytes=a-b` / `bytes=a-` / `bytes=-n` header
 * against a size. Returns null for no (or an unsupported multi-) range, and
 * "unsatisfiable" when it starts past the end.
 */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | "unsatisfiable" {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const n = Number(m[2]);
    return n === 0 ? "unsatisfiable" : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/**
 * Streams a blob as an HTTP response with Range support (206 + Content-Range),
 * so large exports can be resumed. The blob key is the ETag (content-addressed
 * bytes never change), and `If-Range` with another tag falls back to 200.
 */
export async function blobResponse(
  req: Request,
  { blobKey, contentType, fileName }: { blobKey: string; contentType: string; fileName: string },
): Promise<Response> {
  const store = getBlobStore();
  const size = await store.size(blobKey);
  if (size === null) throw new AppError("NOT_FOUND", "The file's bytes are missing from the store");
  const etag = `"${blobKey}"`;
  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.get("range"), size);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "accept-ranges": "bytes",
    etag,
    "cache-control": PRIVATE_IMMUTABLE,
    "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
  };
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  const stream = await store.stream(blobKey, range ?? undefined);
  if (!stream) throw new AppError("NOT_FOUND", "The file's bytes are missing from the store");
  const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  if (!range) return new Response(body, { status: 200, headers: { ...headers, "content-length": String(size) } });
  return new Response(body, {
    status: 206,
    headers: {
      ...headers,
      "content-length": String(range.end - range.start + 1),
      "content-range": `bytes ${range.start}-${range.end}/${size}`,
    },
  });
}
