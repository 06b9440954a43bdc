import "server-only";
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve, sep } from "node:path";

/** Why one referenced file could not be read; becomes the row's reason. */
export class RowError extends Error {}

/** Default cap on a fetched file (env `IMPORT_MAX_FETCH_BYTES`). */
const MAX_FETCH_BYTES = () => Number(process.env.IMPORT_MAX_FETCH_BYTES ?? 100 * 1024 * 1024);
/** Default fetch timeout (env `IMPORT_FETCH_TIMEOUT_MS`). */
const FETCH_TIMEOUT_MS = () => Number(process.env.IMPORT_FETCH_TIMEOUT_MS ?? 30_000);

/** Hosts an admin allowed imports to fetch from: env `IMPORT_ALLOWED_HOSTS`, comma-separated. */
export const allowedImportHosts = (): string[] =>
  (process.env.IMPORT_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

export type FileSource = { read(ref: string): Promise<Uint8Array> };

/**
 * Reads the files a manifest or folder refers to: paths relative to `root`
 * (never outside it: `..` and absolute paths are refused) or http(s) URLs
 * on an allow-listed host, with a size cap and a timeout.
 */
export function createFileSource({ root, allowedHosts = allowedImportHosts() }: { root: string; allowedHosts?: string[] }): FileSource {
  const base = resolve(root);
  return {
    async read(ref) {
      if (/^https?:\/\//i.test(ref)) return fetchAllowed(ref, allowedHosts);
      if (/^[a-z]+:\/\//i.test(ref)) throw new RowError(`unsupported URL scheme in ${ref}`);
      if (isAbsolute(ref)) throw new RowError(`absolute path ${ref} is not allowed; paths are relative to the manifest`);
      const path = resolve(base, ref);
      if (path !== base && !path.startsWith(base + sep)) throw new RowError(`${ref} points outside the import folder`);
      try {
        return new Uint8Array(await readFile(path));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new RowError(code === "ENOENT" ? `file not found: ${ref}` : `cannot read ${ref} (${code ?? (e as Error).message})`);
      }
    },
  };
}

async function fetchAllowed(url: string, allowedHosts: string[]): Promise<Uint8Array> {
  const host = new URL(url).hostname.toLowerCase();
  if (!allowedHosts.includes(host)) throw new RowError(`host ${host} is not on the import allow-list (IMPORT_ALLOWED_HOSTS)`);
  const max = MAX_FETCH_BYTES();
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS()), redirect: "error" });
  } catch (e) {
    throw new RowError(`cannot fetch ${url}: ${(e as Error).message}`);
  }
  if (!res.ok || !res.body) throw new RowError(`fetching ${url} answered ${res.status}`);
  if (Number(res.headers.get("content-length") ?? 0) > max) throw new RowError(`${url} is larger than ${max} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new RowError(`${url} is larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
