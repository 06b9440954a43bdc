#!/usr/bin/env node
// `npx retouch <command>`: runs the TypeScript CLI (scripts/cli/retouch.ts)
// through tsx with the server module condition, from any directory.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", import.meta.resolve("tsx"), join(root, "scripts/cli/retouch.ts"), ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, TSX_TSCONFIG_PATH: join(root, "tsconfig.json") } },
);
process.exit(result.status ?? 1);
