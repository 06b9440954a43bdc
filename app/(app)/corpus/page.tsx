import { AreaPlaceholder } from "@/app/_components/area-placeholder";
import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";

export default async function CorpusPage() {
  await requirePageRole(rolesFor("/corpus"), "/corpus");
  return <AreaPlaceholder title="Corpus">Browse, filter and snapshot the trajectory corpus. Import trajectories to fill it.</AreaPlaceholder>;
}
