import { PARAM_KEYS, PARAM_SPECS, canonicalParams, pointColorsToXmpLists } from "../params";
import type { DevelopParams, ParamSpec, ToneCurve } from "../params";
import { escapeXml, formatLocalValue, formatParamValue } from "./format-xmp-value";
import { CRS_NAMESPACE } from "./parse-rdf";

/** Process version written: the current one (Lightroom Classic 13+/Camera Raw 15+). */
export const WRITTEN_PROCESS_VERSION = "15.4";
const CAMERA_RAW_VERSION = "15.4";

/** Options for `writeXmp`. */
export type WriteXmpOptions = {
  /** Preset or sidecar name (`crs:Name`). */
  name?: string;
  /**
   * Write a develop preset (adds `crs:PresetType`, `UUID`, `Supports*`, `Group`) rather than a sidecar.
   * @default false
   */
  preset?: boolean | { group?: string; uuid?: string };
  /** Profile to apply (`crs:Look`), e.g. `{ name: "Adobe Color", uuid: "B952C231111CD8E0ECCF14B86BAA7077" }`. */
  look?: { name: string; uuid?: string; amount?: number };
};

/**
 * Writes parameters as an XMP packet Lightroom Classic / Camera Raw accepts as a sidecar or preset:
 * scalars as `crs:` attributes in Lightroom's number format, curves as rdf:Seq, local corrections as
 * nested rdf:Seq/rdf:li. Every key present in `params` is written, defaults included.
 */
export function writeXmp(params: DevelopParams, options: WriteXmpOptions = {}): string {
  const attrs: Array<[string, string]> = [
    ["Version", CAMERA_RAW_VERSION],
    ["ProcessVersion", WRITTEN_PROCESS_VERSION],
  ];
  const elements: string[] = [];
  const preset = options.preset ? (options.preset === true ? {} : options.preset) : undefined;
  if (preset) {
    attrs.unshift(["PresetType", "Normal"], ["Cluster", ""], ["UUID", preset.uuid ?? presetUuid(params, options.name)], ...SUPPORTS);
  }
  for (const key of PARAM_KEYS) {
    const value = params[key];
    if (value === undefined) continue;
    const spec: ParamSpec = PARAM_SPECS[key];
    if (spec.kind === "curve") elements.push(curveElement(key, value as ToneCurve));
    else attrs.push([key, formatParamValue(key, value)]);
  }
  attrs.push(["HasSettings", "True"]);
  if (options.name !== undefined) elements.unshift(altElement("Name", options.name));
  if (preset?.group !== undefined) elements.splice(options.name !== undefined ? 1 : 0, 0, altElement("Group", preset.group));
  if (options.look) elements.push(lookElement(options.look));
  if (params.PointColors?.length) {
    const { points, variances } = pointColorsToXmpLists(params.PointColors);
    elements.push(seqElement("PointColors", points), seqElement("ColorVariance", variances));
  }
  if (params.MaskGroupBasedCorrections?.length) {
    elements.push(propertyElement("MaskGroupBasedCorrections", params.MaskGroupBasedCorrections, "   "));
  }
  const attrText = attrs.map(([k, v]) => `\n   crs:${k}="${escapeXml(v)}"`).join("");
  return [
    `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="RetouchIQ Studio">`,
    ` <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `  <rdf:Description rdf:about=""`,
    `    xmlns:crs="${CRS_NAMESPACE}"${attrText}>`,
    ...elements,
    `  </rdf:Description>`,
    ` </rdf:RDF>`,
    `</x:xmpmeta>`,
    "",
  ].join("\n");
}

const SUPPORTS: Array<[string, string]> = [
  ["SupportsAmount", "False"],
  ["SupportsColor", "True"],
  ["SupportsMonochrome", "True"],
  ["SupportsHighDynamicRange", "True"],
  ["SupportsNormalDynamicRange", "True"],
  ["SupportsSceneReferred", "True"],
  ["SupportsOutputReferred", "True"],
];

function curveElement(key: string, curve: ToneCurve): string {
  return seqElement(
    key,
    curve.map(([x, y]) => `${x}, ${y}`),
  );
}

function seqElement(key: string, texts: string[]): string {
  const items = texts.map((t) => `     <rdf:li>${t}</rdf:li>`).join("\n");
  return `   <crs:${key}>\n    <rdf:Seq>\n${items}\n    </rdf:Seq>\n   </crs:${key}>`;
}

function altElement(key: string, text: string): string {
  return `   <crs:${key}>\n    <rdf:Alt>\n     <rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li>\n    </rdf:Alt>\n   </crs:${key}>`;
}

function lookElement(look: NonNullable<WriteXmpOptions["look"]>): string {
  const attrs = [`crs:Name="${escapeXml(look.name)}"`, `crs:Amount="${(look.amount ?? 1).toFixed(6)}"`];
  if (look.uuid) attrs.push(`crs:UUID="${escapeXml(look.uuid)}"`);
  return `   <crs:Look>\n    <rdf:Description ${attrs.join(" ")}/>\n   </crs:Look>`;
}

/** A struct field: scalars become attributes of rdf:Description, arrays rdf:Seq, records nested structs. */
function propertyElement(name: string, value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => listItem(item, `${indent}  `)).join("\n");
    return `${indent}<crs:${name}>\n${indent} <rdf:Seq>\n${items}\n${indent} </rdf:Seq>\n${indent}</crs:${name}>`;
  }
  if (value && typeof value === "object") {
    return `${indent}<crs:${name}>\n${description(value as Record<string, unknown>, `${indent} `)}\n${indent}</crs:${name}>`;
  }
  return `${indent}<crs:${name}>${escapeXml(formatLocalValue(name, value))}</crs:${name}>`;
}

function listItem(item: unknown, indent: string): string {
  if (item && typeof item === "object" && !Array.isArray(item)) {
    return `${indent}<rdf:li>\n${description(item as Record<string, unknown>, `${indent} `)}\n${indent}</rdf:li>`;
  }
  return `${indent}<rdf:li>${escapeXml(formatLocalValue("", item))}</rdf:li>`;
}

function description(struct: Record<string, unknown>, indent: string): string {
  const attrs: string[] = [];
  const children: string[] = [];
  for (const [field, value] of Object.entries(struct)) {
    if (value === undefined || value === null) continue;
    if (typeof value === "object") children.push(propertyElement(field, value, `${indent} `));
    else attrs.push(`${indent}  crs:${field}="${escapeXml(formatLocalValue(field, value))}"`);
  }
  const open = `${indent}<rdf:Description${attrs.length ? `\n${attrs.join("\n")}` : ""}`;
  return children.length ? `${open}>\n${children.join("\n")}\n${indent}</rdf:Description>` : `${open}/>`;
}

/** A stable 32-hex-digit id from the content, so the same preset gets the same UUID on every export. */
function presetUuid(params: DevelopParams, name = ""): string {
  const text = `${name}\u0000${canonicalParams(params)}`;
  let out = "";
  for (let seed = 0; seed < 4; seed++) {
    let h = 0x811c9dc5 ^ seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, "0");
  }
  return out.toUpperCase();
}
