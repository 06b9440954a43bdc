import { manifestRowSchema, type ImportItem, type ItemError } from "./import-item";

/**
 * Parses a JSONL manifest. Blank lines and `#` comments are skipped; each
 * bad line becomes an error with its 1-based line number and a reason, and
 * the other lines still parse.
 */
export function parseManifest(text: string): { items: ImportItem[]; errors: ItemError[] } {
  const items: ImportItem[] = [];
  const errors: ItemError[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    const line = i + 1;
    if (raw === "" || raw.startsWith("#")) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      errors.push({
        line,
        ref: raw.slice(0, 40).replace(/[\u0000-\u001f]/g, "?"),
        reason: `not valid JSON (${(e as Error).message.replace(/\0/g, "")})`,
      });
      continue;
    }
    const parsed = manifestRowSchema.safeParse(json);
    const ref = refOf(json);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
        .join("; ");
      errors.push({ line, ref, reason: `invalid row — ${reason}` });
      continue;
    }
    items.push({ ...parsed.data, line, ref });
  }
  return { items, errors };
}

function refOf(json: unknown): string {
  if (!json || typeof json !== "object") return "";
  const row = json as Record<string, unknown>;
  // The ref is stored with the row's report: printable and short, whatever the line holds.
  return String(row.id ?? row.before ?? "")
    .replace(/[\u0000-\u001f]/g, "?")
    .slice(0, 200);
}
