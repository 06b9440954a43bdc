// The bad-input suite: property-based hostile inputs (fast-check) over every
// API route and server action in the access policy, the import (manifests,
// XMP, edit text, images) — no 500s, every refusal has a message, and a
// refused upload writes nothing.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { apiTokens, images, trajectories } from "@/db/schema";
import { ACTIONS, ROUTES } from "@/lib/auth/access-policy";
import { createContext, type Ctx } from "@/lib/context";
import { createImport, getImportOrThrow, runImport } from "@/lib/corpus";
import { parseManifest } from "@/lib/corpus/import/parse-manifest";
import { readXmp } from "@/lib/develop";
import { parseEdit } from "@/lib/edits";
import { uploadImage } from "@/lib/images";
import { makeActor } from "@/test/actors";
import { pngHeaderOnly, samplePhoto } from "@/test/images";

let currentHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => currentHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 25);

/** Strings a probe tries: NUL bytes, huge text, year 0, traversal, odd unicode, numbers as text. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\0",
    "a\0b",
    "0000-01-01T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "99999-12-31T00:00:00Z",
    "../../etc/passwd",
    "//evil.example",
    "%00",
    "NaN",
    "-1",
    "1e309",
    "[]",
    "{}",
    "\ud800",
    "x".repeat(300_000),
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
);
const hostileInput = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.dictionary(
    fc.constantFrom(
      "id",
      "ids",
      "userId",
      "role",
      "name",
      "email",
      "password",
      "filter",
      "action",
      "split",
      "cursor",
      "before",
      "kind",
      "disabled",
      "endpoint",
      "apiKeyEnv",
    ),
    hostileValue,
  ),
  fc.constantFrom([], [null], null, undefined, "", 0),
);

/** Lone surrogates replaced (String#toWellFormed, which the TS lib here does not declare). */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

const statusIsHandled = async (res: Response, what: string) => {
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    const body = (await res.json()) as { error?: { message?: unknown } };
    expect(typeof body.error?.message, `${what}: a refusal says why`).toBe("string");
  } else await res.arrayBuffer();
};

describe("bad input", () => {
  let adminToken: string;
  let ctx: Ctx;
  beforeAll(async () => {
    const admin = await makeActor("admin");
    ctx = createContext({ actor: await makeActor("researcher") });
    adminToken = `riq_${randomBytes(24).toString("base64url")}`;
    await getDb()
      .insert(apiTokens)
      .values({
        userId: admin.id,
        name: "fuzz",
        prefix: adminToken.slice(0, 10),
        tokenHash: createHash("sha256").update(adminToken).digest("hex"),
      });
  });

  it.each(Object.keys(ROUTES).filter((k) => ROUTES[k] !== "anyone"))(
    "route %s: hostile query strings, params and bodies never give a 500",
    async (key) => {
      const [method, path] = key.split(" ");
      const mod = (await import(join(process.cwd(), "app", path, "route.ts"))) as Record<
        string,
        (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>
      >;
      const names = [...path.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]);
      const catchAll = new Set([...path.matchAll(/\[\.\.\.(\w+)\]/g)].map((m) => m[1]));
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.constantFrom(
              "limit",
              "before",
              "cursor",
              "status",
              "split",
              "category",
              "q",
              "param",
              "importId",
              "source",
              "review",
              "excluded",
              "hasLocal",
              "params",
              "engine",
              "x",
            ),
            hostileString,
            { maxKeys: 4 },
          ),
          fc.array(hostileString, { minLength: names.length, maxLength: names.length }),
          fc.oneof(
            fc.constant(""),
            hostileString,
            fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString("latin1")),
          ),
          async (query, paramValues, body) => {
            const values = Object.fromEntries(names.map((n, i) => [n, wellFormed(paramValues[i])]));
            const params = Object.fromEntries(names.map((n) => [n, catchAll.has(n) ? values[n].split("/") : values[n]]));
            // A lone surrogate cannot travel in a URL at all; send what a client could.
            const segment = (v: string) => encodeURIComponent(wellFormed(v) || "x");
            const url = new URL(`http://localhost${path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, p: string) => segment(values[p]))}`);
            for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v.slice(0, 2000));
            const init: RequestInit = { method, headers: { authorization: `Bearer ${adminToken}` } };
            if (method !== "GET")
              init.headers = {
                ...init.headers,
                "content-type": body.startsWith("{") ? "application/json" : "multipart/form-data; boundary=zz",
              };
            if (method !== "GET") init.body = `--zz\r\n${body}`;
            // Next passes a catch-all segment (`[...path]`) as an array of segments.
            const routeParams = Object.fromEntries(Object.entries(params).map(([n, v]) => [n, catchAll.has(n) ? [v] : v]));
            await statusIsHandled(
              await mod[method](new Request(url, init), { params: Promise.resolve(routeParams) }),
              `${key} ${url.search}`,
            );
          },
        ),
        { numRuns: RUNS },
      );
    },
  );

  it.each(Object.keys(ACTIONS))("action %s: hostile inputs never give INTERNAL, and every refusal has a message", async (key) => {
    const [file, name] = key.split("#");
    const mod = (await import(join(process.cwd(), file))) as Record<
      string,
      (input: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>
    >;
    currentHeaders = new Headers({ authorization: `Bearer ${adminToken}` });
    await fc.assert(
      fc.asyncProperty(hostileInput, async (input) => {
        const result = await mod[name](input);
        if (!result.ok) {
          expect(result.error!.code, `${key}(${JSON.stringify(input)?.slice(0, 200)})`).not.toBe("INTERNAL");
          expect(result.error!.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("manifest, XMP and edit-text parsers report problems instead of throwing", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.json({ maxDepth: 3 }),
          fc.array(fc.json(), { maxLength: 5 }).map((a) => a.join("\n")),
        ),
        (text) => {
          const { items, errors } = parseManifest(text);
          for (const e of errors) expect(e.reason.length).toBeGreaterThan(0);
          expect(items.length + errors.length).toBeLessThanOrEqual(text.split("\n").length);
          const xmp = readXmp(text);
          for (const issue of xmp.issues) expect(issue.message.length).toBeGreaterThan(0);
          parseEdit(text);
        },
      ),
      { numRuns: RUNS * 8 },
    );
    const xml = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:Exposure2012="+0.80" crs:Contrast2012="12"/></rdf:RDF></x:xmpmeta>`;
    fc.assert(
      fc.property(fc.nat({ max: xml.length }), fc.string({ maxLength: 20 }), (at, insert) => {
        const mutated = xml.slice(0, at) + insert + xml.slice(at + insert.length);
        const result = readXmp(mutated);
        for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 8 },
    );
  });

  it("hostile image bytes are refused with a message and nothing is written", async () => {
    const photo = samplePhoto();
    const exifBomb = Buffer.concat([
      photo.subarray(0, 2),
      ...Array.from({ length: 200 }, () =>
        Buffer.concat([Buffer.from([0xff, 0xe1, 0xff, 0xff]), Buffer.from("Exif\0\0"), Buffer.alloc(65_527, 0x41)]),
      ),
      photo.subarray(2, 200),
    ]);
    const cases = fc.oneof(
      fc.nat({ max: photo.length - 1 }).map((n) => photo.subarray(0, n)),
      fc.uint8Array({ minLength: 0, maxLength: 2000 }).map((b) => Buffer.from(b)),
      fc.uint8Array({ minLength: 8, maxLength: 64 }).map((b) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(b)])),
      fc
        .tuple(fc.integer({ min: 20_000, max: 2 ** 31 - 1 }), fc.integer({ min: 20_000, max: 2 ** 31 - 1 }))
        .map(([w, h]) => pngHeaderOnly(w, h)),
      fc.constant(exifBomb),
    );
    const before = { rows: await getDb().$count(images) };
    await fc.assert(
      fc.asyncProperty(cases, async (bytes) => {
        const error = await uploadImage({ ctx, input: { bytes: new Uint8Array(bytes), filename: "hostile.jpg" } }).then(
          () => null,
          (e: unknown) => e,
        );
        if (error === null) return; // a prefix of a JPEG can still be a decodable image; then it was stored properly
        expect(error).toMatchObject({ code: "VALIDATION", message: expect.any(String) });
      }),
      { numRuns: RUNS * 2 },
    );
    const stored = await getDb().$count(images);
    expect(stored - before.rows).toBeLessThanOrEqual(RUNS * 2);
    expect(
      await uploadImage({ ctx, input: { bytes: new Uint8Array(exifBomb), filename: "exif-bomb.jpg" } }).catch(
        (e: { code: string }) => e.code,
      ),
    ).toMatch(/VALIDATION|pending|ready/);
  });

  it("an import of hostile manifest rows reports each bad row and writes only good ones", async () => {
    const dir = await mkdtemp(join(tmpdir(), "riq-hostile-import-"));
    await writeFile(join(dir, "ok.jpg"), samplePhoto());
    await writeFile(join(dir, "fake.jpg"), "not a photo");
    const rows = [
      { before: "missing.jpg", params: { Exposure2012: 1 } },
      { before: "../../etc/passwd", params: {} },
      { before: "fake.jpg", params: { Exposure2012: 1 } },
      { before: "ok.jpg", params: { Exposure2012: "\0" } },
      { before: "ok.jpg", params: { Exposure2012: 1 }, id: "a\0b", license: "x".repeat(100_000) },
      { before: "ok.jpg", xmp: "nope.xmp" },
      { before: "ok.jpg", params: { Exposure2012: 1e308 } },
    ];
    await writeFile(join(dir, "manifest.jsonl"), rows.map((r) => JSON.stringify(r)).join("\n") + "\n{not json\n");
    const before = await getDb().$count(trajectories);
    const run = await createImport({ ctx, input: { path: dir } });
    await runImport({ ctx, input: { importId: run.id } });
    const report = await getImportOrThrow({ ctx, input: { id: run.id } });
    expect(report.status).toBe("done");
    expect(report.total).toBe(rows.length + 1);
    for (const f of report.failures) expect(f.reason, `line ${f.line}`).toMatch(/\w{3}/);
    expect(report.imported + report.duplicates + report.failed).toBe(report.total);
    expect((await getDb().$count(trajectories)) - before).toBe(report.imported);
    expect(JSON.stringify(report)).not.toContain(dir);
  });
});
