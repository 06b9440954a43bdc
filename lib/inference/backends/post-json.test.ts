import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendError } from "./backend-error";
import { MAX_ANSWER_BYTES, postJson } from "./post-json";

// A loopback server whose answer is chosen by the request path.
let server: http.Server;
let base: string;
const sockets = new Set<Socket>();
let received: { headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      const send = (status: number, body: string, headers: Record<string, string> = {}) => res.writeHead(status, headers).end(body);
      switch (req.url) {
        case "/ok":
          return send(200, JSON.stringify({ choices: [], echo: received.at(-1)!.body.length }));
        case "/not-json":
          return send(200, "<html>gateway</html>");
        case "/busy":
          return send(429, JSON.stringify({ object: "error", message: "too many requests", code: 429 }), { "retry-after": "2" });
        case "/openai-error":
          return send(400, JSON.stringify({ error: { message: "max_tokens is too large", type: "invalid_request_error" } }));
        case "/plain-error":
          return send(503, "upstream down");
        case "/huge":
          res.writeHead(200);
          for (let sent = 0; sent <= MAX_ANSWER_BYTES; sent += 1 << 20) res.write(Buffer.alloc(1 << 20, 32));
          return res.end("{}");
        case "/hang":
          return; // never answers
        case "/close-after":
          // Answers, then closes the kept-alive socket behind the client's back.
          res.on("finish", () => setTimeout(() => req.socket.destroy(), 20));
          return send(200, JSON.stringify({ ok: true }));
      }
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

const post = (path: string, body = "{}", timeoutMs = 5_000) =>
  postJson(new URL(path, base), Buffer.from(body), { headers: { authorization: "Bearer k" }, timeoutMs });
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BackendError);
  return (e as BackendError).failure;
};

describe("postJson", () => {
  it("sends the bytes as JSON with the caller's headers and parses the answer", async () => {
    received = [];
    const body = JSON.stringify({ model: "m", text: "é ☀️" });
    const answer = await post("/ok", body);
    expect(answer).toEqual({ status: 200, body: { choices: [], echo: body.length } });
    expect(received[0].body).toBe(body);
    expect(received[0].headers["content-type"]).toBe("application/json");
    expect(received[0].headers.authorization).toBe("Bearer k");
    expect(Number(received[0].headers["content-length"])).toBe(Buffer.byteLength(body));
  });

  it("maps error statuses to http failures with the server's message and Retry-After", async () => {
    expect(await failure(post("/busy"))).toEqual({ kind: "http", status: 429, message: "HTTP 429: too many requests", retryAfterMs: 2000 });
    expect(await failure(post("/openai-error"))).toEqual({ kind: "http", status: 400, message: "HTTP 400: max_tokens is too large" });
    expect(await failure(post("/plain-error"))).toEqual({ kind: "http", status: 503, message: "HTTP 503: upstream down" });
  });

  it("treats a 2xx body that is not JSON, or one over the size limit, as a bad gateway", async () => {
    expect(await failure(post("/not-json"))).toMatchObject({
      kind: "http",
      status: 502,
      message: expect.stringMatching(/^unreadable answer/),
    });
    expect(await failure(post("/huge"))).toMatchObject({ kind: "http", status: 502, message: expect.stringContaining("over") });
  });

  it("ends a hang at the deadline as a timeout", async () => {
    const started = performance.now();
    expect(await failure(post("/hang", "{}", 300))).toEqual({ kind: "timeout", message: "no answer within 300 ms" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("reports a refused connection as a connection failure", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const f = await failure(postJson(new URL(`http://127.0.0.1:${port}/v1`), Buffer.from("{}"), { headers: {}, timeoutMs: 2_000 }));
    expect(f).toEqual({ kind: "connection", message: "connection failed: ECONNREFUSED" });
  });

  it("sends again on a fresh socket when a kept-alive one was closed by the server", async () => {
    received = [];
    for (let i = 0; i < 5; i++) {
      expect((await post("/close-after")).body).toEqual({ ok: true });
      await new Promise((r) => setTimeout(r, 10 + i * 5)); // around the server's close: sometimes before, sometimes after
    }
    expect(received).toHaveLength(5);
  });
});
