import Link from "next/link";

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const { need } = await searchParams;
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      <h1 className="mb-2 text-2xl font-semibold">Not allowed</h1>
      <p className="mb-4 text-zinc-500">
        This page needs the {need ? need.split(",").join(" or ") : "right"} role. Ask an admin if you need access.
      </p>
      <Link href="/" className="underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
