import type { ApiTokenScope, Role } from "@/db/schema";

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
 *   "anyone"                  no sign-in (login, health, better-auth's own endpoints)
 *   "signed-in"               any role
 *   [roles]                   those roles; admins pass every check
 *   { roles, scope }          trainer-facing: a person needs one of `roles`; an API
 *                             token needs `scope` AND an owner holding one of `roles` (requireScope)
 * Otherwise API tokens act as their owner with the owner's role, so each entry
 * applies to a token of that role alike.
 */
export type Allow = "anyone" | "signed-in" | readonly Role[] | { roles: readonly Role[]; scope: ApiTokenScope | readonly ApiTokenScope[] };
/** Who is asking: null = anonymous; a token carries its scopes. */
export type Caller = { role: Role; via: "session" | "token"; scopes?: readonly string[] } | null;

const SIGNED_IN = "signed-in";
const RESEARCHER = ["researcher"] as const;
const ADMIN = [] as const; // admins only

/** Pages by route path (route groups dropped, dynamic segments as in app/: `/corpus/[id]`). */
export const PAGES: Record<string, Allow> = {
  "/login": "anyone",
  "/forbidden": SIGNED_IN,
  "/": SIGNED_IN,
  "/review": SIGNED_IN,
  "/review/disputes": ["reviewer", "researcher"],
  "/review/disputes/[id]": ["reviewer", "researcher"],
  "/review/stats": RESEARCHER,
  "/compare": SIGNED_IN,
  "/compare/researcher": RESEARCHER,
  "/images": SIGNED_IN,
  "/develop": SIGNED_IN,
  "/corpus": RESEARCHER,
  "/corpus/[id]": ["reviewer", "researcher"], // annotators too, for the items they review (checked per item)
  "/corpus/import": RESEARCHER,
  "/upload": RESEARCHER,
  "/rounds": RESEARCHER,
  "/evaluation": RESEARCHER,
  "/evaluation/runs/[id]": RESEARCHER,
  "/evaluation/runs/[id]/items/[itemId]": RESEARCHER,
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
  "GET /api/v1/images/[sha256]/develop-draft": SIGNED_IN,
  "GET /api/v1/corpus/counts": SIGNED_IN,
  "GET /api/v1/corpus/trajectories": RESEARCHER,
  "POST /api/v1/corpus/imports": RESEARCHER,
  "GET /api/v1/corpus/imports/[id]": RESEARCHER,
  "POST /api/v1/render/plan": { roles: RESEARCHER, scope: ["reward", "trainer"] },
  "GET /api/v1/exports": RESEARCHER,
  "POST /api/v1/exports": RESEARCHER,
  "GET /api/v1/exports/[id]/files/[...path]": { roles: RESEARCHER, scope: "export" },
  "GET /api/v1/exports/[id]/urls": { roles: RESEARCHER, scope: "export" },
  "POST /api/v1/rewards/[action]": { roles: RESEARCHER, scope: "reward" },
  "POST /api/v1/render": { roles: RESEARCHER, scope: "reward" },
  "GET /api/v1/blobs/[key]": { roles: RESEARCHER, scope: "reward" },
  "GET /api/v1/rounds": RESEARCHER,
  "POST /api/v1/rounds": RESEARCHER,
  "GET /api/v1/training-runs": RESEARCHER,
  "POST /api/v1/training-runs": RESEARCHER,
  "POST /api/v1/training-runs/[id]/events": { roles: RESEARCHER, scope: "trainer" },
  "GET /api/v1/eval/benchmarks": RESEARCHER,
  "POST /api/v1/eval/benchmarks": RESEARCHER,
  "GET /api/v1/eval/runs": RESEARCHER,
  "GET /api/v1/eval/runs/[id]/items": RESEARCHER,
  "GET /api/v1/eval/leaderboard/[benchmarkId]": RESEARCHER,
  "GET /api/v1/eval/compare": RESEARCHER,
  "GET /api/v1/eval/outputs/[evalItemId]": RESEARCHER,
  "POST /api/v1/review/next": SIGNED_IN,
  "GET /api/v1/review/items/[id]": SIGNED_IN,
  "POST /api/v1/review/items/[id]/decisions": SIGNED_IN,
  "POST /api/v1/review/items/[id]/lease": SIGNED_IN,
  "POST /api/v1/review/items/[id]/undo": SIGNED_IN,
  "POST /api/v1/compare/next": SIGNED_IN,
  "POST /api/v1/compare/labels": SIGNED_IN,
  "GET /api/v1/pairs/[id]/[side]": SIGNED_IN,
  "GET /api/v1/candidates/[id]/image": SIGNED_IN,
};

/** Server actions as `file#export` (file relative to the repo root). */
export const ACTIONS: Record<string, Allow> = {
  "app/(app)/develop/actions.ts#saveEditAction": ["reviewer", "researcher"],
  "app/(app)/review/actions.ts#resolveDisputeAction": ["reviewer"],
  "app/(app)/review/actions.ts#setReviewSettingsAction": RESEARCHER,
  "app/(app)/compare/actions.ts#nextPairAction": SIGNED_IN,
  "app/(app)/compare/actions.ts#submitLabelAction": SIGNED_IN,
  "app/(app)/compare/actions.ts#renewPairLeaseAction": SIGNED_IN,
  "app/(app)/compare/actions.ts#fixStartAction": SIGNED_IN,
  "app/(app)/compare/actions.ts#saveFixAction": SIGNED_IN,
  "app/(app)/compare/actions.ts#requestPairsAction": RESEARCHER,
  "app/(app)/compare/actions.ts#retryJudgingAction": RESEARCHER,
  "app/(app)/compare/actions.ts#retryPerturbingAction": RESEARCHER,
  "app/(app)/corpus/actions.ts#bulkCorpusAction": RESEARCHER,
  "app/(app)/corpus/actions.ts#createSnapshotAction": RESEARCHER,
  "app/(app)/rounds/actions.ts#startRoundAction": RESEARCHER,
  "app/(app)/rounds/actions.ts#createExportAction": RESEARCHER,
  "app/(app)/evaluation/actions.ts#startEvalRunAction": RESEARCHER,
  "app/(app)/evaluation/actions.ts#buildRetouchEvalAction": RESEARCHER,
  "app/(app)/evaluation/actions.ts#importBenchmarkAction": RESEARCHER,
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

/** Whether `caller` may use an entry allowed to `allow`. */
export function isAllowed(allow: Allow, caller: Caller): boolean {
  if (allow === "anyone") return true;
  if (caller === null) return false;
  if (allow === "signed-in") return true;
  if ("scope" in allow) {
    const roleOk = caller.role === "admin" || allow.roles.includes(caller.role);
    return caller.via === "token" ? roleOk && [allow.scope].flat().some((scope) => (caller.scopes ?? []).includes(scope)) : roleOk;
  }
  return caller.role === "admin" || allow.includes(caller.role);
}
