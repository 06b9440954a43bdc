import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { dashboardQuery } from "@/app/_queries/dashboard";
import { getQueryClient } from "@/app/_queries/get-query-client";
import { imagesQuery } from "@/app/_queries/images";
import { currentActor } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { getDashboard } from "@/lib/dashboard";
import { listImages } from "@/lib/images";
import { DashboardView } from "./dashboard-view";

export default async function DashboardPage() {
  const actor = await currentActor();
  const ctx = createContext({ actor });
  const qc = getQueryClient();
  // Prefetch with the verbs directly; the client reuses the same query keys.
  await Promise.all([
    qc.prefetchQuery({ ...dashboardQuery(), queryFn: () => getDashboard({ ctx }) }),
    qc.prefetchQuery({ ...imagesQuery({ limit: 12 }), queryFn: () => listImages({ ctx, input: { limit: 12 } }) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <DashboardView canBrowseCorpus={actor?.role === "researcher" || actor?.role === "admin"} />
    </HydrationBoundary>
  );
}
