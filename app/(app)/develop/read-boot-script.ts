import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Written by scripts/build/develop-preview-assets.ts (next build, next dev). */
const BOOT_SCRIPT = join(process.cwd(), "public", "_develop", "preview-boot.js");
let cached: string | null = null;

/**
 * The preview's boot script with the page's seed (the opened photo and edit, as JSON), for the
 * Develop page to inline ahead of its content (preview-boot-script.ts); null when the script has
 * not been built (the page's own script then boots the worker). `<` is escaped in the seed, which
 * holds text from the URL, so nothing in it can end the script element.
 */
export function inlineBootScript(seed: string | null): string | null {
  const code = readBootScript();
  return code && withSeed(code, seed);
}

export const withSeed = (code: string, seed: string | null) => `self.__developSeed=${JSON.stringify(seed).replaceAll("<", "\\u003c")};${code}`;

/** The built boot script: read once in production; on every request in development, where it is rebuilt on change. */
function readBootScript(): string | null {
  if (cached !== null) return cached;
  try {
    const code = readFileSync(BOOT_SCRIPT, "utf8").replaceAll("</script", "<\\/script");
    if (process.env.NODE_ENV === "production") cached = code;
    return code;
  } catch {
    return null;
  }
}
