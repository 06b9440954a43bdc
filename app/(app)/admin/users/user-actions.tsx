"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { Dialog } from "@/app/_components/ui/dialog";
import { Select } from "@/app/_components/ui/input";
import { useToast } from "@/app/_components/ui/toast";
import type { getUserAccess } from "@/lib/auth";
import { getUserAccessAction, resetUserPasswordAction, revokeUserAccessAction, setUserDisabledAction, setUserRoleAction } from "./actions";

type Access = Awaited<ReturnType<typeof getUserAccess>>;
type User = { id: string; email: string; role: string; disabled: boolean };

/** Per-user admin controls: role, disable/enable, one-time password, sessions and API tokens. */
export function UserActions({ user }: { user: User }) {
  const [pending, startTransition] = useTransition();
  const [password, setPassword] = useState<string | null>(null);
  const [access, setAccess] = useState<Access | null>(null);
  const toast = useToast();
  const router = useRouter();

  const run = <T,>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>, done: (data: T) => void) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return toast(result.error.message, "error");
      done(result.data);
    });
  const loadAccess = () => run(() => getUserAccessAction({ userId: user.id }), setAccess);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={`Role of ${user.email}`}
        value={user.role}
        disabled={pending}
        className="w-auto"
        onChange={(e) =>
          run(
            () => setUserRoleAction({ userId: user.id, role: e.target.value }),
            (d) => (toast(`${user.email} is now ${d.role}`, "success"), router.refresh()),
          )
        }
      >
        {["annotator", "reviewer", "researcher", "admin"].map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
      <Button
        variant={user.disabled ? "secondary" : "danger"}
        disabled={pending}
        onClick={() =>
          run(
            () => setUserDisabledAction({ userId: user.id, disabled: !user.disabled }),
            (d) => (
              toast(d.disabled ? `Disabled ${user.email}; ${d.endedSessions} session(s) ended` : `Enabled ${user.email}`, "success"),
              router.refresh()
            ),
          )
        }
      >
        {user.disabled ? "Enable" : "Disable"}
      </Button>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(
            () => resetUserPasswordAction({ userId: user.id }),
            (d) => setPassword(d.password),
          )
        }
      >
        Reset password
      </Button>
      <Button variant="ghost" disabled={pending} onClick={loadAccess}>
        Sessions &amp; tokens
      </Button>

      <Dialog open={password !== null} onClose={() => setPassword(null)} title={`One-time password for ${user.email}`}>
        {password && (
          <>
            <p className="mb-2 text-sm">Hand this password to the user; it is shown only now. Their sessions have ended.</p>
            <code
              data-testid="one-time-password"
              className="block rounded bg-zinc-100 p-2 font-mono text-base break-all select-all dark:bg-zinc-800"
            >
              {password}
            </code>
          </>
        )}
        <div className="flex justify-end pt-3">
          <Button onClick={() => setPassword(null)}>Done</Button>
        </div>
      </Dialog>

      <Dialog open={access !== null} onClose={() => setAccess(null)} title={`Sessions and API tokens of ${user.email}`}>
        {access && (
          <div className="space-y-4 text-sm">
            <section>
              <h3 className="mb-1 font-medium">Sessions ({access.sessions.length})</h3>
              {access.sessions.length === 0 && <p className="text-zinc-500">No active sessions.</p>}
              <ul className="space-y-1">
                {access.sessions.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-2">
                    <span className="min-w-0 truncate">
                      since {s.createdAt.slice(0, 16).replace("T", " ")} · {s.ipAddress ?? "unknown address"}
                    </span>
                    <Button
                      variant="secondary"
                      disabled={pending}
                      onClick={() => run(() => revokeUserAccessAction({ kind: "session", id: s.id }), loadAccess)}
                    >
                      End
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h3 className="mb-1 font-medium">API tokens ({access.tokens.length})</h3>
              {access.tokens.length === 0 && <p className="text-zinc-500">No API tokens.</p>}
              <ul className="space-y-1">
                {access.tokens.map((t) => (
                  <li key={t.id} className="flex items-center justify-between gap-2">
                    <span className="min-w-0 truncate">
                      {t.name} · {t.prefix}… {t.revokedAt ? "(revoked)" : t.lastUsedAt ? `used ${t.lastUsedAt.slice(0, 10)}` : "never used"}
                    </span>
                    {!t.revokedAt && (
                      <Button
                        variant="secondary"
                        disabled={pending}
                        onClick={() => run(() => revokeUserAccessAction({ kind: "token", id: t.id }), loadAccess)}
                      >
                        Revoke
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
            <div className="flex justify-end">
              <Button onClick={() => setAccess(null)}>Close</Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
