// The JarvisArt JSON and XMP writers of the Develop page's actions, in a chunk of their own: with
// the XML builder they are ~100 KB of script, which develop-actions.tsx fetches once the page is
// idle instead of parsing before the first render.
export { serializeJarvisArt } from "@/lib/edits/jarvisart-format";
export { writeXmp } from "@/lib/develop/xmp/write-xmp";
