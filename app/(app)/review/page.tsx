import Link from "next/link";
import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { ReviewWorkspace } from "./_parts/review-workspace";

export default async function ReviewPage() {
  const actor = await requirePageRole(rolesFor("/review"), "/review");
  const reviewer = actor.role === "reviewer" || actor.role === "admin" || actor.role === "researcher";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">Review</h1>
        <p className="text-sm text-zinc-500">Accept, fix or reject each instruction. Press ? for keys.</p>
        {reviewer && (
          <Link className="text-sm underline" href="/review/disputes">
            Disagreements
          </Link>
        )}
        {(actor.role === "researcher" || actor.role === "admin") && (
          <Link className="text-sm underline" href="/review/stats">
            Stats and settings
          </Link>
        )}
      </div>
      <ReviewWorkspace userId={actor.id} canOpenCorpus />
    </div>
  );
}
