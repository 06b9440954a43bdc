import { describe, expect, it } from "vitest";
import { MODEL_ROLES } from "@/db/schema/models";
import { listPromptVersions, loadPrompt, renderPrompt } from "./load-prompt";

describe("versioned prompts", () => {
  it("has a v1 template with system and user sections for every role, hashed by content", () => {
    const hashes = new Set<string>();
    for (const role of MODEL_ROLES) {
      expect(listPromptVersions(role)).toContain("v1");
      const t = loadPrompt(role, "v1");
      expect(t.id).toBe(`${role}/v1`);
      expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(t.system.length).toBeGreaterThan(50);
      hashes.add(t.hash);
    }
    expect(hashes.size).toBe(MODEL_ROLES.length);
  });

  it("fills placeholders and refuses a missing one", () => {
    const t = loadPrompt("reward", "v1");
    expect(renderPrompt(t, { instruction: "Make it warmer" }).user).toContain("Instruction: Make it warmer");
    expect(() => renderPrompt(t, {})).toThrow(/instruction/);
  });

  it("refuses unknown versions and path tricks", () => {
    expect(() => loadPrompt("judge", "v999")).toThrow(/No prompt judge\/v999/);
    expect(() => loadPrompt("judge", "../annotator/v1")).toThrow(/Bad prompt version/);
  });
});
