import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * What app/ exposes, read from the file tree: pages (page.tsx), API route
 * methods (exported GET/POST/… in route.ts) and server actions (exported
 * async functions of "use server" files). The access-policy test compares
 * this with lib/auth/access-policy.ts.
 */
export function scanAppSurface(root: string) {
  const pages: string[] = [];
  const routes: string[] = [];
  const actions: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (!/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
      const rel = relative(root, full).split("\\").join("/");
      const source = readFileSync(full, "utf8");
      const urlPath =
        "/" +
        rel
          .split("/")
          .slice(1, -1)
          .filter((s) => !/^\(.*\)$/.test(s))
          .join("/");
      if (/^page\.tsx?$/.test(entry.name)) pages.push(urlPath === "/" ? "/" : urlPath);
      else if (/^route\.ts$/.test(entry.name))
        for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g))
          routes.push(`${m[1]} ${urlPath}`);
      if (/^\s*["']use server["']/.test(source))
        for (const m of source.matchAll(/export\s+(?:async\s+function|const)\s+(\w+)/g)) actions.push(`${rel}#${m[1]}`);
    }
  };
  walk(join(root, "app"));
  return { pages: pages.sort(), routes: routes.sort(), actions: actions.sort() };
}
