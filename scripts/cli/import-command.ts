// `retouch import`: import a JSONL manifest or a Lightroom export folder into the corpus, resumably.
import { parseArgs } from "node:util";
import { systemContext } from "@/lib/context";
import { createImport, getImportOrThrow, runImport, type ImportProgress } from "@/lib/corpus";
import { isAppError } from "@/lib/errors";

const HELP = `retouch import <manifest.jsonl | folder> [options]
retouch import --resume <importId>

  <manifest.jsonl>     one JSON object per line: { before, after?, params | xmp, id?, split?, category?, license?, consent? }
                       (paths relative to the manifest; http(s) URLs only from IMPORT_ALLOWED_HOSTS)
  <folder>             name.jpg + name.xmp (+ optional name.after.jpg), or a folder holding manifest.jsonl
  --resume <importId>  continue an interrupted import; rows already done are skipped
  --source <label>     source label shown in the corpus browser (default: file or folder name)
  --json               print the final report as JSON on stdout

Progress goes to stderr. Re-importing the same data adds nothing (content-hash dedup).`;

/** Where the command writes (process.stdout/stderr, or a capture in tests). */
type Out = { write(text: string): unknown; isTTY?: boolean };

/** Runs the command; returns the process exit code (0 done, 1 failed, 2 bad usage). */
export async function runImportCommand(
  argv: string[],
  { stderr = process.stderr as Out, stdout = process.stdout as Out } = {},
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        resume: { type: "string" },
        source: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    stderr.write(`retouch import: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.resume && positionals.length !== 1) {
    stderr.write(`retouch import: give one manifest or folder, or --resume <importId>\n\n${HELP}\n`);
    return 2;
  }
  // The CLI runs on the server with direct database access, like the seed script: a trusted system call.
  const ctx = systemContext();
  try {
    const importId = values.resume ?? (await createImport({ ctx, input: { path: positionals[0], source: values.source } })).id;
    if (!values.json) stderr.write(`import ${importId}${values.resume ? " (resumed)" : ""}\n`);
    const tty = Boolean(stderr.isTTY);
    let lastLine = 0;
    const progress = (p: ImportProgress, final = false) => {
      // A bar redrawn in place on a terminal; a line every few seconds otherwise (CI logs).
      if (!tty && !final && Date.now() - lastLine < 2_000) return;
      lastLine = Date.now();
      stderr.write(`${tty ? "\r" : ""}${bar(p)}${tty && !final ? "" : "\n"}`);
    };
    const result = await runImport({ ctx, input: { importId }, onProgress: (p) => progress(p) });
    progress(result, true);
    const report = await getImportOrThrow({ ctx, input: { id: importId } });
    if (values.json) {
      stdout.write(
        `${JSON.stringify({ importId, total: report.total, imported: report.imported, duplicates: report.duplicates, failed: report.failed, failures: report.failures })}\n`,
      );
    } else {
      stderr.write(`imported ${report.imported}, duplicates ${report.duplicates}, failed ${report.failed} of ${report.total}\n`);
      for (const f of report.failures) stderr.write(`  line ${f.line}${f.ref ? ` (${f.ref})` : ""}: ${f.reason}\n`);
    }
    return 0;
  } catch (e) {
    stderr.write(`retouch import: ${isAppError(e) ? e.message : (e as Error).stack}\n`);
    return 1;
  } finally {
    const [{ closeQueues }, { closeDb }] = await Promise.all([import("@/lib/queue"), import("@/db/client")]);
    await closeQueues();
    await closeDb();
  }
}

function bar(p: ImportProgress): string {
  const width = 30;
  const filled = p.total ? Math.round((width * p.done) / p.total) : width;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${p.done}/${p.total}  imported ${p.imported}  duplicates ${p.duplicates}  failed ${p.failed}`;
}
