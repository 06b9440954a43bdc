import { AreaPlaceholder } from "@/app/_components/area-placeholder";
import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";

export default async function ComparePage() {
  await requirePageRole(rolesFor("/compare"), "/compare");
  return <AreaPlaceholder title="Compare">The compare workspace shows strong/weak edit pairs side by side, blind-ordered, for human preference labels. No pairs exist yet.</AreaPlaceholder>;
}
