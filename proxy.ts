import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic gate: no session cookie → pages redirect to /login and APIs
 * answer 401. The real check (session validity + role) happens in every
 * page (requirePageRole) and route (route()/verbs).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (getSessionCookie(request)) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    if (request.headers.get("authorization")) return NextResponse.next(); // API tokens are checked by the route
    return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in or send an API token" } }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the login page, better-auth's endpoints, health, Next internals and static files.
  matcher: ["/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico).*)"],
};
