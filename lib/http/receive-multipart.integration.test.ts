import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { receiveMultipart } from "./receive-multipart";

const request = (form: FormData) => new Request("http://localhost/upload", { method: "POST", body: form });
const dirFor = () => join(tmpdir(), `riq-mp-test-${crypto.randomUUID()}`);

describe("receiveMultipart", () => {
  it("streams files to disk in order and keeps text fields", async () => {
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(3000).fill(7)]), "a.jpg");
    form.append("files", new Blob(["second"]), "b.xmp");
    form.append("paths", '["x/a.jpg","x/b.xmp"]');
    const dir = dirFor();
    const { files, fields } = await receiveMultipart(request(form), { dir, maxBytes: 10_000, maxFiles: 5, what: "import" });
    expect(files.map((f) => [f.field, f.filename, f.size])).toEqual([
      ["files", "a.jpg", 3000],
      ["files", "b.xmp", 6],
    ]);
    expect(await readFile(files[1].path, "utf8")).toBe("second");
    expect(fields.paths).toBe('["x/a.jpg","x/b.xmp"]');
  });

  it("refuses a body over the limit with 413-style TOO_LARGE naming the real limit, and removes what it wrote", async () => {
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(3 * 1024 * 1024)]), "big.jpg");
    const dir = dirFor();
    const req = new Request("http://localhost/upload", { method: "POST", body: form });
    req.headers.delete("content-length"); // force the streaming check, not the header check
    const error = await receiveMultipart(req, { dir, maxBytes: 2 * 1024 * 1024, maxFiles: 5, what: "import" }).catch((e) => e);
    expect(error).toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/larger than the 2 MB limit/) });
    expect(existsSync(dir)).toBe(false);
  });

  it("refuses a declared Content-Length over the limit before reading, and non-multipart bodies with a message", async () => {
    const big = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(5e9) },
      body: "--x--",
    });
    await expect(receiveMultipart(big, { dir: dirFor(), maxBytes: 1e9, maxFiles: 1, what: "image" })).rejects.toMatchObject({
      code: "TOO_LARGE",
    });
    const json = new Request("http://localhost/upload", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    await expect(receiveMultipart(json, { dir: dirFor(), maxBytes: 1e9, maxFiles: 1, what: "image" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/multipart/),
    });
  });

  it("refuses a truncated multipart body with a message and leaves nothing behind", async () => {
    const dir = dirFor();
    const body = '--b\r\nContent-Disposition: form-data; name="files"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nhalf a fi';
    const req = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body,
    });
    await expect(receiveMultipart(req, { dir, maxBytes: 1e6, maxFiles: 5, what: "import" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(existsSync(dir)).toBe(false);
  });
});
