/**
 * Per-account limit on failed sign-ins, beside better-auth's per-IP limit:
 * an attacker rotating addresses still gets `max` guesses per account per
 * window. Counts failures only (a success clears them), so a user who types
 * their password right is never locked out by someone else's guesses for
 * longer than the window. In memory, per web process.
 */
export type SignInLimit = { max: number; windowMs: number };

export const signInLimitFromEnv = (): SignInLimit => ({
  max: Number(process.env.AUTH_ACCOUNT_SIGNIN_LIMIT ?? 10),
  windowMs: Number(process.env.AUTH_ACCOUNT_SIGNIN_WINDOW_S ?? 15 * 60) * 1000,
});

export function createSignInLimiter(limit: SignInLimit, now = () => Date.now()) {
  const failures = new Map<string, { count: number; since: number }>();
  const key = (email: string) => email.trim().toLowerCase().slice(0, 320);
  const current = (email: string) => {
    const entry = failures.get(key(email));
    if (entry && now() - entry.since >= limit.windowMs) failures.delete(key(email));
    return failures.get(key(email));
  };
  return {
    /** Seconds to wait, or 0 when this account may try now. */
    retryAfterS(email: string): number {
      const entry = current(email);
      if (!entry || entry.count < limit.max) return 0;
      return Math.max(1, Math.ceil((entry.since + limit.windowMs - now()) / 1000));
    },
    record(email: string, ok: boolean) {
      if (ok) return void failures.delete(key(email));
      const entry = current(email);
      if (entry) entry.count++;
      else {
        if (failures.size > 100_000) failures.clear(); // bounded memory under a flood of made-up addresses
        failures.set(key(email), { count: 1, since: now() });
      }
    },
  };
}

let shared: ReturnType<typeof createSignInLimiter> | null = null;

/**
 * Wraps better-auth's POST handler for /sign-in/email: refuses with 429 and
 * a message while the account is over its limit, and counts the outcome.
 */
export async function limitSignIn(req: Request, handle: (req: Request) => Promise<Response>): Promise<Response> {
  shared ??= createSignInLimiter(signInLimitFromEnv());
  const body = (await req.clone().json().catch(() => null)) as { email?: unknown } | null;
  const email = typeof body?.email === "string" ? body.email : null;
  if (!email) return handle(req);
  const wait = shared.retryAfterS(email);
  if (wait > 0)
    return Response.json(
      { code: "TOO_MANY_ATTEMPTS", message: `Too many failed sign-ins for this account; try again in ${Math.ceil(wait / 60)} min` },
      { status: 429, headers: { "retry-after": String(wait) } },
    );
  const res = await handle(req);
  if (res.status === 200 || res.status === 401) shared.record(email, res.status === 200);
  return res;
}
