import type { ReactNode } from "react";
import { ShellNav } from "@/app/_components/shell-nav";
import { requirePageRole } from "@/lib/auth/page-guard";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageRole();
  return (
    <div className="min-h-screen">
      <ShellNav user={{ name: actor.name, email: actor.email, role: actor.role }} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none">
        {children}
      </main>
    </div>
  );
}
