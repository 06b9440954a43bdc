// The Develop page's boot script (public/_develop/preview-boot.<hash>.js, built by
// scripts/build/develop-preview-assets.ts), an async script in the page's <head>: the worker starts
// as soon as the script is loaded, and downloads the photo and renders it once the parser reaches
// the preview canvas and its seed, while the page's own scripts are still loading; its first frame
// shows before the page hydrates. The page takes what it started (preview-handoff.ts).
import { bootFromHtml } from "./preview-boot";

bootFromHtml();
