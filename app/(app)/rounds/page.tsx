import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { rolesFor } from "@/app/_components/nav";
import { getQueryClient } from "@/app/_queries/get-query-client";
import { roundsQuery } from "@/app/_queries/rounds";
import { currentActor } from "@/lib/auth/page-guard";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { listSnapshots } from "@/lib/corpus";
import { listRounds } from "@/lib/rounds";
import { listExports } from "@/lib/training/export";
import { ExportsPanel } from "./exports-panel";
import { RoundsView } from "./rounds-view";

export default async function RoundsPage() {
  await requirePageRole(rolesFor("/rounds"), "/rounds");
  const ctx = createContext({ actor: await currentActor() });
  const qc = getQueryClient();
  await qc.prefetchQuery({ ...roundsQuery(), queryFn: async () => ({ rounds: await listRounds({ ctx }) }) });
  const [snapshots, exports] = await Promise.all([listSnapshots({ ctx }), listExports({ ctx })]);
  const snaps = snapshots.map((s) => ({ id: s.id, name: s.name, itemCount: s.itemCount }));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Rounds</h1>
        <RoundsView snapshots={snaps} />
        <ExportsPanel snapshots={snaps} exports={exports} />
      </div>
    </HydrationBoundary>
  );
}
