import Link from "next/link";
import { AreaPlaceholder } from "@/app/_components/area-placeholder";
import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { getCorpusCounts } from "@/lib/corpus";

export default async function ReviewPage() {
  const actor = await requirePageRole(rolesFor("/review"), "/review");
  const counts = await getCorpusCounts({ ctx: createContext({ actor }) });
  const waiting = counts.byStatus.in_review ?? 0;
  return (
    <AreaPlaceholder title="Review">
      Annotators will accept, edit or reject the MLLM-written instructions (three lengths) and reasoning of each trajectory here.{" "}
      <span data-testid="review-waiting">{waiting.toLocaleString()}</span> trajectories have passed the filters and wait for review
      {waiting > 0 && actor.role !== "annotator" && actor.role !== "reviewer" ? (
        <>
          {" "}
          — <Link className="underline" href="/corpus?status=in_review">see them in the corpus</Link>
        </>
      ) : null}
      . The review workspace itself is not built yet.
    </AreaPlaceholder>
  );
}
