import "server-only";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ModelRole } from "@/db/schema/models";
import { AppError } from "@/lib/errors";

/** A versioned prompt template: one file per role and version, `prompts/<role>/<version>.md`. */
export type PromptTemplate = {
  /** `<role>/<version>`, e.g. `annotator/v1`. */
  id: string;
  version: string;
  /** sha256 of the file: stored with every call, so an edited template is a new version. */
  hash: string;
  system: string;
  user: string;
};

const cache = new Map<string, PromptTemplate>();

/** Folder of the templates (they ship with the repo; the app runs from its root). */
const promptsDir = () => process.env.INFERENCE_PROMPTS_DIR ?? path.join(process.cwd(), "lib/inference/prompts");

/** Loads (once per process) the template for `role` at `version`. */
export function loadPrompt(role: ModelRole, version: string): PromptTemplate {
  const id = `${role}/${version}`;
  const hit = cache.get(id);
  if (hit) return hit;
  if (!/^[\w.-]+$/.test(version)) throw new AppError("VALIDATION", `Bad prompt version "${version}"`);
  let text: string;
  try {
    text = readFileSync(path.join(promptsDir(), role, `${version}.md`), "utf8");
  } catch {
    throw new AppError("NOT_FOUND", `No prompt ${id} (expected lib/inference/prompts/${id}.md)`);
  }
  const template = { id, version, hash: createHash("sha256").update(text).digest("hex"), ...splitSections(text, id) };
  cache.set(id, template);
  return template;
}

/** The versions on disk for a role, e.g. `["v1"]`. */
export function listPromptVersions(role: ModelRole): string[] {
  try {
    return readdirSync(path.join(promptsDir(), role))
      .filter((f) => f.endsWith(".md"))
      .map((f) => f.slice(0, -3))
      .sort();
  } catch {
    return [];
  }
}

/** Fills `{{name}}` placeholders; a placeholder without a value is a bug in the role, so it throws. */
export function renderPrompt(template: PromptTemplate, vars: Record<string, string>): { system: string; user: string } {
  const fill = (s: string) =>
    s.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
      if (!(name in vars)) throw new Error(`prompt ${template.id} needs {{${name}}}`);
      return vars[name];
    });
  return { system: fill(template.system), user: fill(template.user) };
}

function splitSections(text: string, id: string): { system: string; user: string } {
  const m = /^# system\s*\n([\s\S]*?)^# user\s*\n([\s\S]*)$/m.exec(text);
  if (!m) throw new Error(`prompt ${id} must have "# system" and "# user" sections`);
  return { system: m[1].trim(), user: m[2].trim() };
}
