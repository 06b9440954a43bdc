import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { nextComparePair } from "@/lib/preference";
import { CompareWorkspace } from "./compare-workspace";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compare · RetouchIQ Studio" };

export default async function ComparePage() {
  const actor = await requirePageRole(rolesFor("/compare"), "/compare");
  // The first pair is claimed on the server so the page opens on it; later ones come from the action.
  const initial = await nextComparePair({ ctx: createContext({ actor }), input: {} });
  return <CompareWorkspace isResearcher={actor.role === "researcher" || actor.role === "admin"} initial={initial} />;
}
