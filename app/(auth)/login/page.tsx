import { safeNextPath } from "@/lib/http/safe-next-path";
import { LoginForm } from "./login-form";

export const metadata = { title: "Sign in · RetouchIQ Studio" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  // Only same-origin relative paths, so the login page can't be used as an open redirect.
  const target = safeNextPath(next);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-semibold">RetouchIQ Studio</h1>
        <p className="mb-6 text-sm text-zinc-500">Sign in with the account an admin created for you.</p>
        <LoginForm next={target} />
      </div>
    </main>
  );
}
