"use client";
import Link from "next/link";
import type { ComponentProps } from "react";
import { usePathname, useRouter } from "next/navigation";
import type { Role } from "@/db/schema";
import { authClient } from "./auth-client";
import { NAV } from "./nav";
import { cn } from "./ui/cn";

export function ShellNav({ user }: { user: { name: string; email: string; role: Role } }) {
  const pathname = usePathname();
  const router = useRouter();
  const items = NAV.filter((n) => user.role === "admin" || n.roles.includes(user.role));
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-1 focus:shadow"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <IntentLink href="/" className="font-semibold">
          RetouchIQ Studio
        </IntentLink>
        {/* On a phone the links wrap on their own row under the name and the user. */}
        <nav aria-label="Main" className="order-last flex w-full flex-wrap gap-1 md:order-none md:w-auto md:flex-1">
          {items.map((item) => {
            const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
            return (
              <IntentLink
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded px-2 py-1 text-sm",
                  active ? "bg-zinc-200 dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-800",
                )}
              >
                {item.label}
              </IntentLink>
            );
          })}
        </nav>
        <span className="ml-auto min-w-0 truncate text-sm text-zinc-500 md:ml-0" data-testid="current-user">
          {user.email} · {user.role}
        </span>
        <button
          type="button"
          className="text-sm underline"
          onClick={async () => {
            await authClient.signOut();
            router.replace("/login");
            router.refresh();
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}

/**
 * A nav link that prefetches its page when pointed at or focused, not when it scrolls into view:
 * every page is dynamic, so prefetching the whole menu on sight cost the server 19 renders in the
 * trace of one Develop open (two per link), in the second the page needs the server for its photo
 * and scripts.
 */
function IntentLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return <Link href={href} prefetch={false} onMouseEnter={prefetch} onFocus={prefetch} {...props} />;
}
