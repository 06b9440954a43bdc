// A small OpenAI-wire-format server on loopback for contract tests and the
// inference bench. It answers /v1/chat/completions, /v1/models and /health
// with scripted behaviours that replay the response shapes of vLLM and SGLang:
// reasoning in `reasoning` / `reasoning_content`, GLM box tokens, truncated
// JSON (finish_reason "length"), HTTP 429/500 with vLLM's error body, a hang
// past the client's timeout, and going down / coming back on the same port.
//
// CLI (the bench runs it as a child process so its event loop is separate):
//   tsx test/openai-wire-server.ts --delay 200 [--port 0]
// prints one JSON line {"url": "...", "port": N} when listening.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { pathToFileURL } from "node:url";

/** What the server does with one chat-completion request. */
export type Behaviour = {
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer with this HTTP error status (vLLM's error body), e.g. 429 or 500. */
  status?: number;
  /** Retry-After header (seconds) on an error. */
  retryAfterS?: number;
  /** Never answer; the socket stays open until the client gives up. */
  hang?: boolean;
  /** Response shape to replay. @default "vllm" */
  flavor?: "vllm" | "sglang";
  /** Message content (per choice when `n` > 1 unless `contents` is given). */
  content?: string | null;
  contents?: string[];
  /** Reasoning text: vLLM puts it in `reasoning` (and the legacy `reasoning_content`), SGLang in `reasoning_content`. */
  reasoning?: string;
  /** @default "stop" */
  finishReason?: "stop" | "length";
  /** A body that is not JSON at all. */
  rawBody?: string;
};

/** A request the server saw. */
export type RecordedRequest = { path: string; body: Record<string, unknown> | null; headers: http.IncomingHttpHeaders };

export type WireServerOptions = {
  port?: number;
  /** Behaviour when nothing is scripted: a fixed one or a function of the request body. */
  fallback?: Behaviour | ((body: Record<string, unknown>) => Behaviour);
  servedModels?: string[];
  /** Keep request bodies (tests); the bench turns this off. @default true */
  record?: boolean;
};

export type WireServer = {
  /** Base URL including /v1. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests seen per route, and the most chat completions ever in flight at once. */
  counts: { completions: number; health: number; models: number; inFlight: number; maxInFlight: number };
  /** Queues behaviours, one per coming completion request (then the fallback applies). */
  script: (...b: Behaviour[]) => void;
  setFallback: (b: NonNullable<WireServerOptions["fallback"]>) => void;
  /** /health answers 503 while unhealthy (the port still accepts connections). */
  setHealthy: (healthy: boolean) => void;
  /** Stops listening and drops every connection: clients get ECONNREFUSED. */
  down: () => Promise<void>;
  /** Listens again on the same port. */
  up: () => Promise<void>;
  close: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server on 127.0.0.1 (a free port unless `port` is given). */
export async function startWireServer(options: WireServerOptions = {}): Promise<WireServer> {
  const record = options.record ?? true;
  const servedModels = options.servedModels ?? ["test-model"];
  let fallback = options.fallback ?? { content: "{}" };
  let healthy = true;
  const queue: Behaviour[] = [];
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  const counts = { completions: 0, health: 0, models: 0, inFlight: 0, maxInFlight: 0 };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void handle(req, res, Buffer.concat(chunks).toString("utf8"));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, text: string) {
    const path = (req.url ?? "/").split("?")[0];
    let body: Record<string, unknown> | null = null;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      body = null;
    }
    if (record) requests.push({ path, body, headers: req.headers });
    if (path === "/health") {
      counts.health++;
      res.writeHead(healthy ? 200 : 503).end();
      return;
    }
    if (path === "/v1/models") {
      counts.models++;
      json(res, 200, { object: "list", data: servedModels.map((id) => ({ id, object: "model", created: 0, owned_by: "vllm" })) });
      return;
    }
    if (path !== "/v1/chat/completions" || req.method !== "POST") {
      json(res, 404, { object: "error", message: `no route ${path}`, type: "NotFoundError", param: null, code: 404 });
      return;
    }
    counts.completions++;
    counts.inFlight++;
    counts.maxInFlight = Math.max(counts.maxInFlight, counts.inFlight);
    res.on("close", () => void counts.inFlight--);
    const b = queue.shift() ?? (typeof fallback === "function" ? fallback(body ?? {}) : fallback);
    if (b.hang) return; // the client's timeout ends it
    if (b.delayMs) await sleep(b.delayMs);
    if (res.destroyed) return;
    if (b.rawBody !== undefined) {
      res.writeHead(200, { "content-type": "application/json" }).end(b.rawBody);
      return;
    }
    if (b.status && b.status >= 400) {
      const headers: Record<string, string> = b.retryAfterS ? { "retry-after": String(b.retryAfterS) } : {};
      json(
        res,
        b.status,
        {
          object: "error",
          message: b.status === 429 ? "Too many requests" : "Internal server error",
          type: b.status === 429 ? "RateLimitError" : "InternalServerError",
          param: null,
          code: b.status,
        },
        headers,
      );
      return;
    }
    json(res, 200, completion(b, body ?? {}));
  }

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const port = await listen(options.port ?? 0);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
    });

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    counts,
    script: (...b) => void queue.push(...b),
    setFallback: (b) => void (fallback = b),
    setHealthy: (h) => void (healthy = h),
    down: stop,
    up: async () => void (await listen(port)),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers }).end(text);
}

let seq = 0;

/** A chat completion in the shape vLLM (≥0.10) or SGLang returns. */
function completion(b: Behaviour, req: Record<string, unknown>) {
  const n = typeof req.n === "number" ? req.n : 1;
  const flavor = b.flavor ?? "vllm";
  const contents = b.contents ?? Array.from({ length: n }, () => b.content ?? "");
  const choices = contents.map((content, index) => {
    const message =
      flavor === "vllm"
        ? {
            role: "assistant",
            content,
            refusal: null,
            annotations: null,
            audio: null,
            function_call: null,
            tool_calls: [],
            reasoning: b.reasoning ?? null,
            reasoning_content: b.reasoning ?? null,
          }
        : { role: "assistant", content, reasoning_content: b.reasoning ?? null, tool_calls: null };
    return flavor === "vllm"
      ? { index, message, logprobs: null, finish_reason: b.finishReason ?? "stop", stop_reason: null }
      : {
          index,
          message,
          logprobs: null,
          finish_reason: b.finishReason ?? "stop",
          matched_stop: b.finishReason === "length" ? null : 151336,
        };
  });
  const completionTokens = contents.reduce((s, c) => s + Math.ceil((c ?? "").length / 4), 0);
  return {
    id: `chatcmpl-${(++seq).toString(16)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: String(req.model ?? "test-model"),
    choices,
    usage: { prompt_tokens: 812, total_tokens: 812 + completionTokens, completion_tokens: completionTokens, prompt_tokens_details: null },
    ...(flavor === "vllm" ? { prompt_logprobs: null, kv_transfer_params: null, service_tier: null, system_fingerprint: null } : {}),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallbackValue: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallbackValue;
  };
  const delayMs = Number(arg("delay", "200"));
  const content = arg("content", '<think>Brighten it.</think><answer>{"Exposure2012": 0.5}</answer>');
  const s = await startWireServer({
    port: Number(arg("port", "0")),
    record: false,
    fallback: { delayMs, content },
    servedModels: [arg("model", "bench-model")],
  });
  console.log(JSON.stringify({ url: s.url, port: s.port }));
  process.on("SIGTERM", () => void s.close().then(() => process.exit(0)));
}
