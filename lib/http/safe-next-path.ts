const BASE = "http://same-origin.invalid";

/**
 * The post-login redirect target, or "/" when `next` is not a same-origin
 * relative path. Checked after the URL parser's normalisation (it drops tabs
 * and newlines, turns `\` into `/` and resolves dot segments) and after
 * percent-decoding up to three times, so `//evil`, `/\evil`, `/%2F%2Fevil`,
 * `/.//evil` and `/\t/evil` are all refused.
 */
export function safeNextPath(next: string | string[] | undefined | null): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return "/";
  if (!next.startsWith("/") || /[\u0000-\u001f\\]/.test(next)) return "/";
  let decoded = next;
  for (let i = 0; i < 3; i++) {
    if (!isSameOriginPath(decoded)) return "/";
    let once: string;
    try {
      once = decodeURIComponent(decoded);
    } catch {
      return "/";
    }
    if (once === decoded) break;
    if (/[\u0000-\u001f\\]/.test(once)) return "/";
    decoded = once;
  }
  const url = new URL(next, BASE);
  const normalised = url.pathname + url.search + url.hash;
  return isSameOriginPath(normalised) ? normalised : "/";
}

function isSameOriginPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return false;
  let url: URL;
  try {
    url = new URL(path, BASE);
  } catch {
    return false;
  }
  return url.origin === BASE && !url.pathname.startsWith("//");
}
