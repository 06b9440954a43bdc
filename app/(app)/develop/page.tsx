import { rolesFor } from "@/app/_components/nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { getDevelopTrajectory } from "@/lib/corpus";
import { parseEdit, serializeRetouchIq } from "@/lib/edits";
import type { DevelopParams } from "@/lib/develop/params";
import { isAppError } from "@/lib/errors";
import { developDraftUrl, listImages } from "@/lib/images";
import { getFixStart } from "@/lib/preference";
import type { CandidateRef, TrajectoryRef } from "./develop-actions";
import { DevelopView } from "./develop-view";
import type { PreviewSeed } from "./preview-boot";

export const metadata = { title: "Develop · RetouchIQ Studio" };

/** The preview's boot script (scripts/build/develop-preview-assets.ts); unset when it was not built, and the page's script then boots the worker. */
const BOOT_SCRIPT_URL = process.env.DEVELOP_PREVIEW_BOOT_URL;

type Search = { image?: string; params?: string; trajectory?: string; candidate?: string };

/**
 * Develop on a photo (`?image=`), a corpus trajectory (`?trajectory=`: save adds an edit) or a
 * preference candidate (`?candidate=`: save stores a human fix; the verb checks who may open it).
 * `?params=` (RetouchIQ text) wins over the opened edit, so the URL round-trips slider changes.
 */
export default async function DevelopPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageRole(rolesFor("/develop"), "/develop");
  const { image, params, trajectory: trajectoryId, candidate: candidateId } = await searchParams;
  const ctx = createContext({ actor });
  const { items } = await listImages({ ctx, input: { status: "ready", limit: 100 } });
  const images: { sha256: string; name: string; size?: { width: number; height: number } }[] = items.map((i) => ({
    sha256: i.sha256,
    name: i.originalName ?? i.sha256.slice(0, 12),
    size: i.previewWidth && i.previewHeight ? { width: i.previewWidth, height: i.previewHeight } : undefined,
  }));
  let trajectory: TrajectoryRef | undefined;
  let candidate: CandidateRef | undefined;
  let initialParams = params;
  let openError: string | undefined;
  const pinImage = (sha: string, name: string) => {
    if (!images.some((i) => i.sha256 === sha)) images.unshift({ sha256: sha, name });
  };
  try {
    if (trajectoryId) {
      const t = await getDevelopTrajectory({ ctx, input: { id: trajectoryId } });
      trajectory = { id: t.id, sourceSha: t.sourceSha, edits: t.edits.map((e) => ({ id: e.id, version: e.version })) };
      initialParams ??= serializeRetouchIq(t.params as DevelopParams);
      pinImage(t.sourceSha, `trajectory ${t.id.slice(0, 8)}`);
    } else if (candidateId) {
      const c = await getFixStart({ ctx, input: { candidateId } });
      candidate = { id: c.candidateId, sourceSha: c.sourceSha, instruction: c.instruction, origin: c.origin };
      initialParams ??= serializeRetouchIq(c.params);
      pinImage(c.sourceSha, `candidate ${c.candidateId.slice(0, 8)}`);
    }
  } catch (e) {
    if (!isAppError(e)) throw e;
    openError = `Could not open the ${trajectoryId ? "trajectory" : "candidate"}: ${e.message}`;
  }
  const initialImage = trajectory?.sourceSha ?? candidate?.sourceSha ?? image ?? items[0]?.sha256;
  const opened = initialParams ? parseEdit(initialParams).params : {};
  const seed = initialImage
    ? JSON.stringify({
        image: initialImage,
        size: images.find((i) => i.sha256 === initialImage)?.size,
        params: opened,
      } satisfies PreviewSeed)
    : null;
  // The first picture: the thumbnail rendered with the edit by the server, fetched while the worker starts.
  const draftUrl = initialImage && images.find((i) => i.sha256 === initialImage)?.size ? developDraftUrl(initialImage, opened) : null;
  return (
    <>
      {/* Hoisted into <head> by React (an async script): starts the preview worker as soon as it is
          loaded, then the photo's download and the first render once the parser reaches the seed. */}
      {BOOT_SCRIPT_URL && <script async src={BOOT_SCRIPT_URL} />}
      <DevelopView
        images={images}
        initialImage={initialImage}
        initialParams={opened}
        seed={seed}
        draftUrl={draftUrl ?? undefined}
        trajectory={trajectory}
        candidate={candidate}
        openError={openError}
      />
    </>
  );
}
