// Public API of the edit text formats: RetouchIQ `{key=value; …}`, JarvisArt `<think>/<answer>`,
// plain JSON; auto-detecting parse, diff and plain-English description. Universal code.
export { parseEdit } from "./parse-edit";
export type { EditFormat, ParsedEdit } from "./parse-edit";
export { parseRetouchIq, serializeRetouchIq } from "./retouchiq-format";
export type { RetouchIqParse } from "./retouchiq-format";
export { parseJarvisArt, serializeJarvisArt, toJarvisArtConfig, curveToNumberedObject, JARVISART_FORMAT } from "./jarvisart-format";
export type { JarvisArtParse } from "./jarvisart-format";
export { diffParams } from "./diff-params";
export type { ParamChange } from "./diff-params";
export { describeDiff, describeEdit, describeChanges } from "./describe-diff";
