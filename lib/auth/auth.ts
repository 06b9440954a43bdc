import "server-only";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { appUrl, authSecret } from "@/lib/config/env";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";

function createAuth() {
  return betterAuth({
    baseURL: appUrl(),
    secret: authSecret(),
    database: drizzleAdapter(getDb(), {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    // Accounts are created by an admin (lib/auth/create-user.ts), never by
    // self-service sign-up: this is a lab tool with assigned roles.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "annotator", input: false },
        disabledAt: { type: "date", required: false, input: false, fieldName: "disabledAt" },
      },
    },
    // No cookie cache: every request reads the session row, so sign-out, a role
    // change or disabling a user takes effect on the very next request.
    session: { expiresIn: 60 * 60 * 24 * 7, cookieCache: { enabled: false } },
    // Self-service profile/email changes and email-based resets have no place in an
    // admin-run lab tool (a 200 KB display name broke every request with 431);
    // admins rename users and reset passwords (lib/auth/admin-*.ts).
    disabledPaths: ["/update-user", "/change-email", "/delete-user", "/request-password-reset", "/forget-password", "/reset-password"],
    advanced: {
      // Set by instrumentation.ts from the socket (or TRUST_PROXY hops), never by the client.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Secure cookies whenever the app is served over https.
      useSecureCookies: appUrl().startsWith("https:"),
    },
    // A per-process ceiling on the other auth endpoints; sign-in has its own limits in Redis,
    // shared by every web process (sign-in-limit.ts, applied by app/api/auth/[...all]/route.ts).
    rateLimit: {
      enabled: process.env.NODE_ENV === "production",
      window: 60,
      max: 200,
      customRules: { "/sign-in/email": false },
    },
    trustedOrigins: (process.env.TRUSTED_ORIGINS ?? "").split(",").filter(Boolean),
    databaseHooks: {
      session: {
        create: {
          // A disabled user gets no new session (their old ones were deleted when disabled).
          before: async (session) => {
            const [user] = await getDb().select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, session.userId)).limit(1);
            if (user?.disabledAt) throw new APIError("FORBIDDEN", { message: "This account is disabled; ask an admin" });
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

let instance: ReturnType<typeof createAuth> | null = null;

/** The better-auth instance (created on first use, after env is loaded). */
export function getAuth() {
  instance ??= createAuth();
  return instance;
}
