import { AreaPlaceholder } from "@/app/_components/area-placeholder";
import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";

export default async function RoundsPage() {
  await requirePageRole(rolesFor("/rounds"), "/rounds");
  return <AreaPlaceholder title="Rounds">Alternating policy / reward-model training rounds and their reward accuracy appear here.</AreaPlaceholder>;
}
