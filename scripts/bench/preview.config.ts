// Playwright config of `npm run bench:preview`: the e2e server (production build) and login, plus
// the one bench spec. The result JSON is written to PREVIEW_BENCH_OUT and printed last by the script.
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

export default defineConfig({
  ...base,
  testDir: ".",
  reporter: [["list"]],
  retries: 0,
  // No Playwright trace: recording one (the e2e default keeps it on failure) screencasts and
  // snapshots the page throughout, which took two thirds of the page's frame rate on two cores.
  use: { ...base.use, trace: "off" },
  // The server script and its paths are relative to the repository root, not this folder.
  webServer: base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: "../.." } : base.webServer,
  projects: [
    { name: "setup", testDir: "../../e2e", testMatch: /auth\.setup\.ts/ },
    { name: "bench", testMatch: /preview\.bench\.ts/, dependencies: ["setup"], use: { viewport: { width: 1440, height: 1000 } } },
  ],
});
