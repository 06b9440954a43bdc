import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { getDevelopTrajectory } from "@/lib/corpus";
import { serializeRetouchIq } from "@/lib/edits";
import type { DevelopParams } from "@/lib/develop/params";
import { isAppError } from "@/lib/errors";
import { listImages } from "@/lib/images";
import { DevelopView } from "./develop-view";

export const metadata = { title: "Develop · RetouchIQ Studio" };

type Search = { image?: string; params?: string; trajectory?: string };

export default async function DevelopPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageRole(rolesFor("/develop"), "/develop");
  const { image, params, trajectory: trajectoryId } = await searchParams;
  const ctx = createContext({ actor });
  const { items } = await listImages({ ctx, input: { status: "ready", limit: 100 } });
  const images = items.map((i) => ({ sha256: i.sha256, name: i.originalName ?? i.sha256.slice(0, 12) }));
  let trajectory: { id: string; sourceSha: string; edits: { id: string; version: number }[] } | undefined;
  let initialParams = params;
  if (trajectoryId) {
    try {
      const t = await getDevelopTrajectory({ ctx, input: { id: trajectoryId } });
      trajectory = { id: t.id, sourceSha: t.sourceSha, edits: t.edits.map((e) => ({ id: e.id, version: e.version })) };
      // The URL's edit wins (it round-trips slider changes); else the trajectory's own edit.
      initialParams ??= serializeRetouchIq(t.params as DevelopParams);
      if (!images.some((i) => i.sha256 === t.sourceSha)) images.unshift({ sha256: t.sourceSha, name: `trajectory ${t.id.slice(0, 8)}` });
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  return (
    <DevelopView
      images={images}
      initialImage={trajectory?.sourceSha ?? image ?? items[0]?.sha256}
      initialParams={initialParams}
      trajectory={trajectory}
    />
  );
}
