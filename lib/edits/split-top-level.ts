/**
 * Splits `text` at separators that are outside brackets and quotes, so `curve=[[0,0],[255,255]];
 * contrast=-30` splits into two pairs even though the curve holds commas.
 */
export function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "[" || ch === "{" || ch === "(") depth++;
    else if ((ch === "]" || ch === "}" || ch === ")") && depth > 0) depth--;
    else if (depth === 0 && separators.test(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
