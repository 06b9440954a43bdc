import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { getDispute } from "@/lib/review";
import { Adjudication } from "./adjudication";

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["reviewer", "researcher"], `/review/disputes/${id}`);
  const dispute = await getDispute({ ctx: createContext({ actor }), input: { trajectoryId: id } }).catch((e) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION")) notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <Link href="/review/disputes" className="text-sm underline">
        ← Disagreements
      </Link>
      <h1 className="text-xl font-semibold">Disagreement on {id.slice(0, 8)}</h1>
      <Adjudication dispute={dispute} canResolve={actor.role === "reviewer" || actor.role === "admin"} />
    </div>
  );
}
