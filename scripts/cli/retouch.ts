// The `retouch` command line: one subcommand per file in this folder.
import { runImportCommand } from "./import-command";
import { runRenderCommand } from "./render-command";

const USAGE = `usage: retouch <command> [options]

commands:
  render   apply an edit to a photo
           retouch render --in photo.jpg (--xmp preset.xmp | --params '{exposure=+0.5; contrast=20}') --out out.jpg [--json]
  import   import before/after trajectories (JSONL manifest or a Lightroom export folder), resumable
           retouch import <manifest.jsonl|folder> [--resume <importId>] [--source <label>] [--json]

run 'retouch <command> --help' for a command's options`;

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<number>> = { render: runRenderCommand, import: runImportCommand };

if (!command || command === "--help" || command === "-h") {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}
const run = commands[command];
if (!run) {
  console.error(`retouch: unknown command "${command}"\n\n${USAGE}`);
  process.exit(2);
}
process.exit(await run(args));
