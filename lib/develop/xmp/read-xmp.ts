import { coerceBoolean, coerceNumber, isMetadataKey, normalizeParams } from "../params";
import type { DevelopParams, ParamIssue } from "../params";
import { processVersionNumber, resolveLegacyKeys } from "./legacy-keys";
import { parseCrsRecord } from "./parse-rdf";

/** The profile ("look") a preset or sidecar applies. */
export type XmpLook = { name?: string; uuid?: string; amount?: number; group?: string };

/** What an XMP file says about itself rather than about the edit. */
export type XmpMeta = {
  /** `crs:ProcessVersion` as written ("6.7" = PV2012; "10.0", "11.0", "15.4" newer). */
  processVersion?: string;
  /** `crs:Version`: the Camera Raw version that wrote the file. */
  version?: string;
  /** `crs:PresetType` ("Normal" for develop presets); present only in presets. */
  presetType?: string;
  name?: string;
  uuid?: string;
  group?: string;
  hasSettings?: boolean;
  look?: XmpLook;
  /** Every other metadata key (Supports*, Cluster, CameraProfile, …) as written. */
  other: Record<string, unknown>;
};

/** The result of reading an XMP file: canonical params, every problem found, and metadata. */
export type ReadXmpResult = { params: DevelopParams; issues: ParamIssue[]; meta: XmpMeta };

/**
 * Reads a Lightroom / Camera Raw XMP sidecar or preset (attribute or element form, rdf:Seq curves,
 * rdf:Alt names, local corrections). Never throws: malformed XML gives one `malformed` issue.
 */
export function readXmp(text: string): ReadXmpResult {
  const parsed = parseCrsRecord(text);
  if (!parsed.ok) return { params: {}, issues: [{ key: "", code: "malformed", message: parsed.message }], meta: { other: {} } };
  const meta = readMeta(parsed.record);
  const { record, issues } = resolveLegacyKeys(parsed.record, processVersionNumber(meta.processVersion));
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!isMetadataKey(key)) settings[key] = value;
  }
  const normalized = normalizeParams(settings);
  return { params: normalized.params, issues: [...issues, ...normalized.issues], meta };
}

const NAMED_META = new Set(["ProcessVersion", "Version", "PresetType", "Name", "UUID", "Group", "HasSettings", "Look"]);

function readMeta(record: Record<string, unknown>): XmpMeta {
  const meta: XmpMeta = { other: {} };
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  assign(meta, "processVersion", text(record.ProcessVersion));
  assign(meta, "version", text(record.Version));
  assign(meta, "presetType", text(record.PresetType));
  assign(meta, "name", text(record.Name));
  assign(meta, "uuid", text(record.UUID));
  assign(meta, "group", text(record.Group));
  assign(meta, "hasSettings", coerceBoolean(record.HasSettings));
  if (record.Look && typeof record.Look === "object") meta.look = readLook(record.Look as Record<string, unknown>);
  for (const [key, value] of Object.entries(record)) {
    if (isMetadataKey(key) && !NAMED_META.has(key)) meta.other[key] = value;
  }
  return meta;
}

function readLook(look: Record<string, unknown>): XmpLook {
  const out: XmpLook = {};
  if (typeof look.Name === "string") out.name = look.Name;
  if (typeof look.UUID === "string") out.uuid = look.UUID;
  if (typeof look.Group === "string" && look.Group !== "") out.group = look.Group;
  const amount = coerceNumber(look.Amount);
  if (amount !== undefined) out.amount = amount;
  return out;
}

function assign<K extends keyof XmpMeta>(meta: XmpMeta, key: K, value: XmpMeta[K] | undefined): void {
  if (value !== undefined) meta[key] = value;
}
