import { describe, expect, it } from "vitest";
import { ACTIONS, isAllowed, PAGES, ROUTES } from "./access-policy";
import { scanAppSurface } from "./app-surface";

const surface = scanAppSurface(process.cwd());
const missing = (found: string[], listed: Record<string, unknown>) => found.filter((k) => !(k in listed));
const stale = (found: string[], listed: Record<string, unknown>) => Object.keys(listed).filter((k) => !found.includes(k));
const HOW = "add one line per entry to lib/auth/access-policy.ts";

describe("access policy registry", () => {
  it("lists every page in app/", () => {
    expect(missing(surface.pages, PAGES), HOW).toEqual([]);
    expect(stale(surface.pages, PAGES), "remove entries for pages that no longer exist").toEqual([]);
  });
  it("lists every API route method in app/", () => {
    expect(surface.routes.length).toBeGreaterThan(5);
    expect(missing(surface.routes, ROUTES), HOW).toEqual([]);
    expect(stale(surface.routes, ROUTES), "remove entries for routes that no longer exist").toEqual([]);
  });
  it("lists every exported server action in app/", () => {
    expect(surface.actions.length).toBeGreaterThan(5);
    expect(missing(surface.actions, ACTIONS), HOW).toEqual([]);
    expect(stale(surface.actions, ACTIONS), "remove entries for actions that no longer exist").toEqual([]);
  });
  it("admins pass every entry; anonymous callers only public ones", () => {
    for (const allow of [...Object.values(PAGES), ...Object.values(ROUTES), ...Object.values(ACTIONS)]) {
      expect(isAllowed(allow, "admin")).toBe(true);
      expect(isAllowed(allow, null)).toBe(allow === "anyone");
    }
    expect(isAllowed(["researcher"], "annotator")).toBe(false);
  });
});
