import "server-only";
import type { Image8 } from "@/lib/develop/pipeline/decode";
import type { Look } from "../heuristic/look";
import { decodeForHeuristic, lookOfImage } from "../heuristic/looks";
import type { Visual } from "../roles/refs";
import type { RoleSpec } from "../roles/role-spec";
import { loadImageBytes, refSha } from "./load-image-bytes";
import { Lru } from "./lru";

// Sources are decoded once and reused: a reward call renders two edits onto the same I0.
const decoded = new Lru<string, Promise<Image8>>(16);

function decodeRef(ref: Parameters<typeof loadImageBytes>[0]): Promise<Image8> {
  const key = refSha(ref);
  let hit = decoded.get(key);
  if (!hit) {
    hit = loadImageBytes(ref).then(decodeForHeuristic);
    hit.catch(() => decoded.delete(key)); // a failure is not cached
    decoded.set(key, hit);
  }
  return hit;
}

async function lookOfVisual(v: Visual): Promise<Look> {
  if (v.kind === "image") return lookOfImage(await decodeRef(v.ref));
  return lookOfImage(await decodeRef(v.source), v.params);
}

/**
 * The built-in heuristic backend: measures every image the role would show a
 * model (rendering edits onto the source at a small size) and runs the role's
 * deterministic implementation. Its answers are labelled `heuristic`.
 */
export async function runHeuristic<In, Out>({ spec, input, seed }: { spec: RoleSpec<In, Out>; input: In; seed: number }): Promise<Out> {
  const looks = await Promise.all(spec.visuals(input).map(lookOfVisual));
  return spec.heuristic({ input, looks, seed });
}
