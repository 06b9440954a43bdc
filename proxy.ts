import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic gate for pages: no session cookie → redirect to /login. The
 * real check (session validity + role) happens in every page
 * (requirePageRole). API routes are not matched at all: route() refuses
 * anonymous callers itself, and a proxy in front of them would cap request
 * bodies (Next's proxyClientMaxBodySize, 10 MB) below the documented
 * upload and import limits.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (getSessionCookie(request)) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // Pages only: everything except the login page, API routes, Next internals and static files
  // (_develop/: the Develop preview's worker and boot script, public code like _next/static).
  matcher: ["/((?!login|api/|_next/static|_next/image|_develop/|favicon.ico|icon.svg).*)"],
};
