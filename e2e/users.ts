/** Logins the e2e server seeds (scripts/e2e-server.sh + scripts/seed.ts). */
export const E2E_PASSWORD = "e2e-password-1";
export const ADMIN = { email: "admin@e2e.local", password: E2E_PASSWORD, state: "e2e/.auth/admin.json" };
export const ANNOTATOR = { email: "annotator@retouchiq.local", password: E2E_PASSWORD, state: "e2e/.auth/annotator.json" };
export const ANNOTATOR2 = { email: "annotator2@retouchiq.local", password: E2E_PASSWORD, state: "e2e/.auth/annotator2.json" };
export const REVIEWER = { email: "reviewer@retouchiq.local", password: E2E_PASSWORD, state: "e2e/.auth/reviewer.json" };
