import "server-only";
import { MODEL_ROLES } from "@/db/schema";
import { listPromptVersions, loadPrompt } from "@/lib/inference/prompts/load-prompt";

let names: Map<string, string> | null = null;

/**
 * A prompt version as people read it: `annotator/v1` for the hash of a
 * template on disk, the first 7 hex digits for an unknown hash, other
 * labels (e.g. `heuristic-annotate-v1`) as they are.
 */
export function promptName(version: string): string {
  if (!/^[0-9a-f]{64}$/.test(version)) return version;
  if (!names) {
    names = new Map();
    for (const role of MODEL_ROLES) for (const v of listPromptVersions(role)) names.set(loadPrompt(role, v).hash, `${role}/${v}`);
  }
  return names.get(version) ?? `#${version.slice(0, 7)}`;
}
