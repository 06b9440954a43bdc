// What the chaos harness's simulated users do. A workload submits one unit of
// work through the app's HTTP API (as a user would) and, after the run, checks
// that everything the app accepted is stored exactly once and reached its final
// state. Add a workload by adding an object to WORKLOADS.
import sharp from "sharp";
import type postgres from "postgres";

export type Submitted = { key: string };
export type Verdict = { stored: number; duplicates: number; unfinished: number; failed: number; retries: number };
export type Workload = {
  name: string;
  /** Users running this workload at once. */
  users: number;
  /** One submission; resolves with the response (the runner classifies it) and the key when accepted. */
  submit(args: { baseUrl: string; token: string; seq: number }): Promise<{ res: Response; key?: string }>;
  verify(sql: postgres.Sql, keys: string[]): Promise<Verdict>;
};

/** A tiny image unique to `seq`: its colour encodes the number. */
const uniqueImage = (seq: number, format: "png" | "jpeg") =>
  sharp({ create: { width: 40, height: 32, channels: 3, background: { r: seq & 255, g: (seq >> 8) & 255, b: 128 + ((seq >> 16) & 127) } } })
    [format]()
    .toBuffer();

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export const uploadWorkload: Workload = {
  name: "upload",
  users: 4,
  async submit({ baseUrl, token, seq }) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await uniqueImage(seq, "png"))], { type: "image/png" }), `chaos-${seq}.png`);
    const res = await fetch(`${baseUrl}/api/v1/images`, { method: "POST", body: form, headers: auth(token) });
    if (res.status !== 200 && res.status !== 201) return { res };
    const body = (await res.clone().json()) as { sha256: string };
    return { res, key: body.sha256 };
  },
  async verify(sql, keys) {
    if (keys.length === 0) return { stored: 0, duplicates: 0, unfinished: 0, failed: 0, retries: 0 };
    const rows = await sql<{ sha256: string; status: string; attempts: number }[]>`select sha256, status, attempts from images where sha256 in ${sql(keys)}`;
    const audits = await sql<{ n: number }[]>`select count(*)::int as n from (select subject_id from audit_log where action = 'image.upload' and subject_id in ${sql(keys)} group by subject_id having count(*) > 1) d`;
    return {
      stored: rows.length,
      duplicates: audits[0].n,
      unfinished: rows.filter((r) => r.status === "pending").length,
      failed: rows.filter((r) => r.status === "failed").length,
      retries: rows.reduce((n, r) => n + Math.max(0, r.attempts - 1), 0),
    };
  },
};

const XMP = (exposure: number) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:Exposure2012="${exposure.toFixed(2)}" crs:Contrast2012="25"/></rdf:RDF></x:xmpmeta>`;

/** A researcher drops a one-photo Lightroom export: import → trajectory → annotation (heuristic annotator). */
export const importWorkload: Workload = {
  name: "import",
  users: 1,
  async submit({ baseUrl, token, seq }) {
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(await uniqueImage(seq, "jpeg"))], { type: "image/jpeg" }), "p.jpg");
    form.append("files", new Blob([XMP(0.5 + (seq % 10) / 10)], { type: "application/xml" }), "p.xmp");
    form.append("paths", JSON.stringify([`shoot-${seq}/p.jpg`, `shoot-${seq}/p.xmp`]));
    const res = await fetch(`${baseUrl}/api/v1/corpus/imports`, { method: "POST", body: form, headers: auth(token) });
    if (res.status !== 202) return { res };
    return { res, key: ((await res.clone().json()) as { importId: string }).importId };
  },
  async verify(sql, keys) {
    if (keys.length === 0) return { stored: 0, duplicates: 0, unfinished: 0, failed: 0, retries: 0 };
    const runs = await sql<{ id: string; status: string; imported: number; failed: number }[]>`select id, status, imported, failed from imports where id in ${sql(keys)}`;
    const trajectories = await sql<{ import_id: string; n: number; unannotated: number }[]>`
      select import_id, count(*)::int as n, count(*) filter (where status = 'imported')::int as unannotated
      from trajectories where import_id in ${sql(keys)} group by import_id`;
    const doubled = await sql<{ n: number }[]>`
      select count(*)::int as n from (
        select i.trajectory_id, i.variant from instructions i join trajectories t on t.id = i.trajectory_id
        where t.import_id in ${sql(keys)} group by 1, 2 having count(*) > 1) d`;
    const byImport = new Map(trajectories.map((t) => [t.import_id, t]));
    return {
      stored: runs.filter((r) => (byImport.get(r.id)?.n ?? 0) >= 1 || r.failed > 0).length,
      duplicates: trajectories.reduce((n, t) => n + Math.max(0, t.n - 1), 0) + doubled[0].n,
      unfinished: runs.filter((r) => r.status === "running").length + trajectories.reduce((n, t) => n + t.unannotated, 0),
      failed: runs.reduce((n, r) => n + r.failed, 0),
      retries: 0,
    };
  },
};

export const WORKLOADS: Workload[] = [uploadWorkload, importWorkload];
