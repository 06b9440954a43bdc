import "server-only";
import http from "node:http";
import https from "node:https";
import { BackendError } from "./backend-error";

/** Largest answer read from a model server; a chat completion is a few KB, so more means something is wrong. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** One keep-alive pool per scheme, shared by every endpoint (sockets are pooled per host:port inside). */
const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** A 2xx answer's parsed JSON body. */
export type JsonAnswer = { status: number; body: unknown };

/**
 * POSTs a ready-encoded JSON body and parses the JSON answer, over Node's own
 * HTTP client with keep-alive sockets: the body goes out as the given bytes
 * (no re-encoding, no stream wrappers), which is most of what a chat request
 * costs the gateway. Every failure is a {@link BackendError}:
 * - no complete answer within `timeoutMs` (headers and body) → `timeout`;
 * - refused, reset or unreachable → `connection` (a keep-alive socket the
 *   server closed while idle is retried once on a fresh one first);
 * - a non-2xx status → `http` with the server's error message and
 *   `Retry-After`;
 * - a 2xx body that is not JSON or is over {@link MAX_ANSWER_BYTES} → `http` 502.
 */
export async function postJson(
  url: URL,
  body: Buffer,
  { headers, timeoutMs }: { headers: Record<string, string>; timeoutMs: number },
): Promise<JsonAnswer> {
  const deadline = performance.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await postOnce(url, body, headers, deadline, timeoutMs);
    } catch (e) {
      if (e instanceof StaleSocket && attempt === 0) continue;
      throw e instanceof StaleSocket ? e.failure : e;
    }
  }
}

/** A reused keep-alive socket that turned out closed before any answer: safe to send again once. */
class StaleSocket extends Error {
  constructor(readonly failure: BackendError) {
    super(failure.message);
  }
}

function postOnce(url: URL, body: Buffer, headers: Record<string, string>, deadline: number, timeoutMs: number): Promise<JsonAnswer> {
  const client = url.protocol === "https:" ? https : http;
  const agent = agents[url.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new BackendError({ kind: "connection", message: `unsupported URL scheme ${url.protocol}` }));
  return new Promise<JsonAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = client.request(url, {
      method: "POST",
      agent,
      headers: { ...headers, "content-type": "application/json", accept: "application/json", "content-length": String(body.length) },
    });
    const timer = setTimeout(
      () => {
        finish(() => reject(new BackendError({ kind: "timeout", message: `no answer within ${timeoutMs} ms` })));
        req.destroy();
      },
      Math.max(0, deadline - performance.now()),
    );

    req.on("error", (e: NodeJS.ErrnoException) => {
      const failure = new BackendError({ kind: "connection", message: `connection failed: ${e.code ?? e.message}` });
      const stale = req.reusedSocket && (e.code === "ECONNRESET" || e.code === "EPIPE");
      finish(() => reject(stale ? new StaleSocket(failure) : failure));
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          finish(() => reject(new BackendError({ kind: "http", status: 502, message: `the answer is over ${MAX_ANSWER_BYTES} bytes` })));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on("error", (e) => finish(() => reject(new BackendError({ kind: "connection", message: `connection failed: ${e.message}` }))));
      res.on("end", () => finish(() => settle(res, Buffer.concat(chunks).toString("utf8"), resolve, reject)));
    });
    req.end(body);
  });
}

function settle(res: http.IncomingMessage, text: string, resolve: (a: JsonAnswer) => void, reject: (e: BackendError) => void) {
  const status = res.statusCode ?? 0;
  let parsed: unknown;
  let parseError: Error | null = null;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    parseError = e as Error;
  }
  if (status >= 200 && status < 300) {
    if (parseError)
      reject(new BackendError({ kind: "http", status: 502, message: `unreadable answer: ${parseError.message}`.slice(0, 500) }));
    else resolve({ status, body: parsed });
    return;
  }
  const retryAfter = Number(res.headers["retry-after"]);
  reject(
    new BackendError({
      kind: "http",
      status,
      message: `HTTP ${status}: ${errorMessage(parsed) ?? (text.trim() || res.statusMessage || "no message")}`.slice(0, 500),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    }),
  );
}

/** The message of an OpenAI-style error body (`{error: {message}}`, or vLLM's older `{message}`). */
function errorMessage(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const b = body as { error?: unknown; message?: unknown };
  if (typeof b.error === "object" && b.error !== null && typeof (b.error as { message?: unknown }).message === "string")
    return (b.error as { message: string }).message;
  if (typeof b.error === "string") return b.error;
  return typeof b.message === "string" ? b.message : null;
}
