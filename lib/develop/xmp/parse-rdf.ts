import { XMLParser, XMLValidator } from "fast-xml-parser";

// Generic RDF/XML → plain data for the Camera Raw namespace: properties become record fields,
// rdf:Seq/rdf:Bag become arrays, rdf:Alt becomes its x-default string, structs (nested
// rdf:Description, rdf:parseType="Resource", or attributes on the property element) become records.

export const CRS_NAMESPACE = "http://ns.adobe.com/camera-raw-settings/1.0/";

type XmlNode = Record<string, unknown>;

/** The crs properties of every top-level rdf:Description, merged; or the reason there are none. */
export type RdfParse = { ok: true; record: Record<string, unknown> } | { ok: false; message: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => name === "rdf:li" || name === "rdf:Description",
});

/** Parses XMP text into the merged crs properties; never throws. */
export function parseCrsRecord(text: string): RdfParse {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, message: "the XMP text is empty" };
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return { ok: false, message: `not well-formed XML (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}` };
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch (error) {
    return { ok: false, message: `could not parse XML: ${(error as Error).message}` };
  }
  const rdf = findRdf(doc);
  if (!rdf) return { ok: false, message: "no rdf:RDF element: this is not an XMP packet" };
  const prefixes = crsPrefixes(doc);
  const record: Record<string, unknown> = {};
  for (const description of asArray(rdf["rdf:Description"])) {
    if (isNode(description)) Object.assign(record, structFrom(description, prefixes));
  }
  return { ok: true, record };
}

function findRdf(node: unknown): XmlNode | undefined {
  if (!isNode(node)) return undefined;
  if (isNode(node["rdf:RDF"])) return node["rdf:RDF"];
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith("@_")) continue;
    for (const c of asArray(child)) {
      const found = findRdf(c);
      if (found) return found;
    }
  }
  return undefined;
}

/** Prefixes bound to the crs namespace anywhere in the document ("crs" when none is declared). */
function crsPrefixes(node: unknown, out = new Set<string>(["crs"])): Set<string> {
  if (!isNode(node)) return out;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@_xmlns:") && value === CRS_NAMESPACE) out.add(key.slice(8));
    else if (!key.startsWith("@_")) for (const c of asArray(value)) crsPrefixes(c, out);
  }
  return out;
}

/** The crs local name of a qualified name, or undefined for another namespace. */
function localName(qname: string, prefixes: Set<string>): string | undefined {
  const colon = qname.indexOf(":");
  if (colon < 0) return undefined;
  return prefixes.has(qname.slice(0, colon)) ? qname.slice(colon + 1) : undefined;
}

function structFrom(node: XmlNode, prefixes: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const attr = key.startsWith("@_");
    const name = localName(attr ? key.slice(2) : key, prefixes);
    if (!name) continue;
    // A property repeated as an element is invalid RDF; the last one wins, as for attributes.
    const items = asArray(value);
    out[name] = attr ? value : propertyValue(items[items.length - 1], prefixes);
  }
  return out;
}

function propertyValue(node: unknown, prefixes: Set<string>): unknown {
  if (!isNode(node)) return node === undefined || node === null ? "" : String(node);
  for (const container of ["rdf:Seq", "rdf:Bag"]) {
    if (container in node) return listItems(node[container], prefixes);
  }
  if ("rdf:Alt" in node) return altValue(node["rdf:Alt"]);
  if ("rdf:Description" in node) {
    const first = asArray(node["rdf:Description"])[0];
    return isNode(first) ? structFrom(first, prefixes) : {};
  }
  const struct = structFrom(node, prefixes);
  if (Object.keys(struct).length > 0) return struct;
  return "#text" in node ? String(node["#text"]) : "";
}

function listItems(container: unknown, prefixes: Set<string>): unknown[] {
  if (!isNode(container)) return [];
  return asArray(container["rdf:li"]).map((li) => propertyValue(li, prefixes));
}

/** The x-default entry of an rdf:Alt (else its first entry). */
function altValue(container: unknown): string {
  if (!isNode(container)) return "";
  const items = asArray(container["rdf:li"]);
  const text = (li: unknown) => (isNode(li) ? String(li["#text"] ?? "") : String(li ?? ""));
  const preferred = items.find((li) => isNode(li) && li["@_xml:lang"] === "x-default");
  return items.length === 0 ? "" : text(preferred ?? items[0]);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
