// `retouch render`: Execute(I0, e) on a file, the same engine the platform runs.
import { readFile, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import { canonicalParams, isErrorIssue, readXmp, renderImage, type DevelopParams, type ParamIssue } from "@/lib/develop";
import { parseEdit } from "@/lib/edits";
import { decodeImage, encodeImage, isImageError, type EncodeFormat } from "@/lib/imaging";

const HELP = `retouch render --in <photo> (--xmp <file.xmp> | --params '<edit>') --out <file.jpg|png|webp> [options]

  --in <path>          source photo (JPEG, PNG, WebP, TIFF, AVIF)
  --xmp <path>         Lightroom / Camera Raw XMP sidecar or preset
  --params <edit>      edit text: RetouchIQ {exposure=+0.5; contrast=20}, JarvisArt <answer>{…}</answer> or JSON
  --out <path>         output file; format from the extension
  --quality <1-100>    JPEG/WebP quality (default 92)
  --max-edge <px>      shrink the source first (preview renders)
  --seed <n>           grain seed (default 0)
  --json               print what was applied and what was not, as JSON`;

const FORMATS: Record<string, EncodeFormat> = { ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp" };

/** Runs the command; returns the process exit code (0 ok, 1 failed, 2 bad usage). */
export async function runRenderCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        in: { type: "string" },
        xmp: { type: "string" },
        params: { type: "string" },
        out: { type: "string" },
        quality: { type: "string" },
        "max-edge": { type: "string" },
        seed: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values.help) return (console.log(HELP), 0);
  if (!values.in || !values.out) return usage("--in and --out are required");
  if (!values.xmp === !values.params) return usage("give exactly one of --xmp or --params");
  const format = FORMATS[extname(values.out).toLowerCase()];
  if (!format) return usage(`unsupported output extension "${extname(values.out)}" (use .jpg, .png or .webp)`);

  const started = performance.now();
  const edit = values.xmp ? readXmp(await readFile(values.xmp, "utf8")) : parseEdit(values.params!);
  const errors = edit.issues.filter(isErrorIssue);
  if (errors.length && Object.keys(edit.params).length === 0) return fail(`the edit could not be read:\n${formatIssues(errors)}`);

  let decoded;
  try {
    decoded = await decodeImage(await readFile(values.in), values["max-edge"] ? { maxEdge: Number(values["max-edge"]) } : {});
  } catch (e) {
    if (isImageError(e)) return fail(`${values.in}: ${e.message}`);
    throw e;
  }
  const { image, report } = renderImage({
    image: decoded,
    params: edit.params as DevelopParams,
    options: { seed: Number(values.seed ?? 0) },
  });
  const bytes = await encodeImage(
    {
      data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength),
      width: image.width,
      height: image.height,
      channels: image.channels,
    },
    { format, quality: values.quality ? Number(values.quality) : 92 },
  );
  await writeFile(values.out, bytes);

  const summary = {
    input: { path: values.in, width: decoded.source.width, height: decoded.source.height },
    output: { path: values.out, width: image.width, height: image.height, format, bytes: bytes.length },
    params: JSON.parse(canonicalParams(edit.params as DevelopParams)),
    applied: report.applied,
    notRendered: report.notRendered,
    issues: edit.issues,
    ms: Math.round(performance.now() - started),
  };
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(`${values.out}: ${image.width}×${image.height}, applied ${report.applied.length} parameter(s) in ${summary.ms} ms`);
    if (report.notRendered.length) console.warn(`not rendered:\n${report.notRendered.map((n) => `  ${n.key}: ${n.reason}`).join("\n")}`);
    if (edit.issues.length) console.warn(`edit issues:\n${formatIssues(edit.issues)}`);
  }
  return 0;
}

const formatIssues = (issues: ParamIssue[]) => issues.map((i) => `  ${i.key}: ${i.message}`).join("\n");
const usage = (message: string) => (console.error(`retouch render: ${message}\n\n${HELP}`), 2);
const fail = (message: string) => (console.error(`retouch render: ${message}`), 1);
