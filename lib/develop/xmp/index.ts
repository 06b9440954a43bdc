// Public API of the XMP reader/writer (Lightroom / Camera Raw sidecars and presets).
export { readXmp } from "./read-xmp";
export type { ReadXmpResult, XmpMeta, XmpLook } from "./read-xmp";
export { writeXmp, WRITTEN_PROCESS_VERSION } from "./write-xmp";
export type { WriteXmpOptions } from "./write-xmp";
export { CRS_NAMESPACE } from "./parse-rdf";
