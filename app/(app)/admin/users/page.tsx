import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { listUsers } from "@/lib/auth";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { CreateUserButton } from "./create-user-button";
import { UserActions } from "./user-actions";

export const metadata = { title: "Users · RetouchIQ Studio" };

export default async function UsersPage() {
  const actor = await requirePageRole(["admin"], "/admin/users");
  const users = await listUsers({ ctx: createContext({ actor }) });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Users</h1>
        <div className="flex items-center gap-3">
          <Link className="text-sm underline" href="/admin/models">
            Models
          </Link>
          <CreateUserButton />
        </div>
      </div>
      <Card>
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Users">
          {users.map((u) => (
            <li key={u.id} data-testid={`user-${u.email}`} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{u.name}</span>
                  <Badge tone={u.role === "admin" ? "warn" : "neutral"}>{u.role}</Badge>
                  {u.disabledAt && <Badge tone="bad">disabled</Badge>}
                </div>
                <div className="truncate text-sm text-zinc-500">
                  {u.email} · since {u.createdAt.toISOString().slice(0, 10)}
                </div>
              </div>
              {u.id === actor.id ? (
                <span className="text-sm text-zinc-500">you</span>
              ) : (
                <UserActions user={{ id: u.id, email: u.email, role: u.role, disabled: u.disabledAt !== null }} />
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
