// The Develop page's boot script (public/_develop/preview-boot.js, built by
// scripts/build/develop-preview-assets.ts), which the page inlines ahead of its content with the
// opened photo and edit as `self.__developSeed` (read-boot-script.ts): the worker starts, downloads
// the photo and renders it while the page's own scripts are still loading, and its first frame
// shows before the page hydrates. The page takes what it started (preview-handoff.ts).
import { bootFromHtml } from "./preview-boot";

const inlined = self as { __developSeed?: string };
const seed = typeof inlined.__developSeed === "string" ? inlined.__developSeed : null;
delete inlined.__developSeed;
bootFromHtml(seed);
