import { AreaPlaceholder } from "@/app/_components/area-placeholder";
import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";

export default async function ReviewPage() {
  await requirePageRole(rolesFor("/review"), "/review");
  return <AreaPlaceholder title="Review">Annotators review MLLM-written instructions (three lengths) and reasoning for each trajectory here. Nothing is queued for review yet.</AreaPlaceholder>;
}
