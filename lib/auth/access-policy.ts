import type { Role } from "@/db/schema";

/**
 * Who may use what: every page, API route and server action in app/, with
 * the roles allowed. This is the documented policy; the code enforces it in
 * each page (requirePageRole), route (route() + the verb) and verb
 * (requireRole, before any input is read), and the access-matrix tests
 * check every entry against every role:
 *   - lib/auth/access-policy.test.ts fails when a page, route method or
 *     exported server action exists in app/ without an entry here (or an
 *     entry names one that no longer exists);
 *   - lib/auth/access-matrix.integration.test.ts calls every route and
 *     action as anonymous, annotator, reviewer, researcher, admin and an API
 *     token of each role;
 *   - e2e/access-matrix.spec.ts opens every page as each role.
 *
 * Adding a page, route or action = one line below. Values:
 *   "anyone"    no sign-in (login, health, better-auth's own endpoints)
 *   "signed-in" any role
 *   [roles]     those roles; admins pass every check
 * API tokens act as their owner with the owner's role, so each entry applies
 * to a token of that role alike; trainer-facing routes (exports, rewards,
 * run events) additionally require the token's scope (lib/auth requireScope).
 */
export type Allow = "anyone" | "signed-in" | readonly Role[];

const SIGNED_IN = "signed-in";
const RESEARCHER = ["researcher"] as const;
const ADMIN = [] as const; // admins only

/** Pages by route path (route groups dropped, dynamic segments as in app/: `/corpus/[id]`). */
export const PAGES: Record<string, Allow> = {
  "/login": "anyone",
  "/forbidden": SIGNED_IN,
  "/": SIGNED_IN,
  "/review": SIGNED_IN,
  "/compare": SIGNED_IN,
  "/images": SIGNED_IN,
  "/develop": SIGNED_IN,
  "/corpus": RESEARCHER,
  "/corpus/[id]": RESEARCHER,
  "/corpus/import": RESEARCHER,
  "/upload": RESEARCHER,
  "/rounds": RESEARCHER,
  "/evaluation": RESEARCHER,
  "/admin/users": ADMIN,
  "/admin/models": ADMIN,
};

/** API routes as `METHOD /api/path` (dynamic segments as in app/). */
export const ROUTES: Record<string, Allow> = {
  "GET /api/auth/[...all]": "anyone",
  "POST /api/auth/[...all]": "anyone",
  "GET /api/health": "anyone",
  "GET /api/v1/dashboard": SIGNED_IN,
  "GET /api/v1/images": SIGNED_IN,
  "POST /api/v1/images": RESEARCHER,
  "GET /api/v1/images/[sha256]": SIGNED_IN,
  "GET /api/v1/images/[sha256]/[variant]": SIGNED_IN,
  "GET /api/v1/corpus/counts": SIGNED_IN,
  "GET /api/v1/corpus/trajectories": RESEARCHER,
  "POST /api/v1/corpus/imports": RESEARCHER,
  "GET /api/v1/corpus/imports/[id]": RESEARCHER,
  "GET /api/v1/exports": RESEARCHER,
  "POST /api/v1/exports": RESEARCHER,
  "GET /api/v1/exports/[id]/files/[...path]": RESEARCHER,
};

/** Server actions as `file#export` (file relative to the repo root). */
export const ACTIONS: Record<string, Allow> = {
  "app/(app)/corpus/actions.ts#bulkCorpusAction": RESEARCHER,
  "app/(app)/corpus/actions.ts#createSnapshotAction": RESEARCHER,
  "app/(app)/admin/models/actions.ts#createModelAction": ADMIN,
  "app/(app)/admin/models/actions.ts#updateModelAction": ADMIN,
  "app/(app)/admin/models/actions.ts#setModelActiveAction": ADMIN,
  "app/(app)/admin/models/actions.ts#testModelConnectionAction": ADMIN,
  "app/(app)/admin/users/actions.ts#createUserAction": ADMIN,
  "app/(app)/admin/users/actions.ts#setUserRoleAction": ADMIN,
  "app/(app)/admin/users/actions.ts#setUserDisabledAction": ADMIN,
  "app/(app)/admin/users/actions.ts#resetUserPasswordAction": ADMIN,
  "app/(app)/admin/users/actions.ts#getUserAccessAction": ADMIN,
  "app/(app)/admin/users/actions.ts#revokeUserAccessAction": ADMIN,
};

/** Whether `role` (null = anonymous) may use an entry allowed to `allow`. */
export function isAllowed(allow: Allow, role: Role | null): boolean {
  if (allow === "anyone") return true;
  if (role === null) return false;
  if (allow === "signed-in" || role === "admin") return true;
  return allow.includes(role);
}
