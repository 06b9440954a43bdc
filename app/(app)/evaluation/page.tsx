import { AreaPlaceholder } from "@/app/_components/area-placeholder";
import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";

export default async function EvaluationPage() {
  await requirePageRole(rolesFor("/evaluation"), "/evaluation");
  return <AreaPlaceholder title="Evaluation">Benchmarks (RetouchEval, MIT-Adobe FiveK) and eval runs appear here.</AreaPlaceholder>;
}
