import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { appUrl, authSecret } from "@/lib/config/env";

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
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, cookieCache: { enabled: true, maxAge: 60 } },
    // Slows password guessing; the e2e server raises the sign-in limit because it signs in often.
    rateLimit: {
      enabled: process.env.NODE_ENV === "production",
      window: 60,
      max: 200,
      customRules: { "/sign-in/email": { window: 10, max: Number(process.env.AUTH_SIGNIN_RATE_LIMIT ?? 5) } },
    },
    trustedOrigins: (process.env.TRUSTED_ORIGINS ?? "").split(",").filter(Boolean),
    plugins: [nextCookies()],
  });
}

let instance: ReturnType<typeof createAuth> | null = null;

/** The better-auth instance (created on first use, after env is loaded). */
export function getAuth() {
  instance ??= createAuth();
  return instance;
}
