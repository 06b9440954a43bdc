import { describe, expect, it } from "vitest";
import { contradictsDeltas } from "./contradicts-deltas";
import { editTooSmall } from "./edit-too-small";
import { reasoningMismatch } from "./reasoning-mismatch";
import { runFilters } from "./run-filters";

const say = (text: string, reasoning = "") => ({ intentions: { short: text, medium: text, long: text }, reasoning });

describe("editTooSmall", () => {
  it("rejects a barely visible edit and passes a clear one", () => {
    expect(editTooSmall({ params: { Exposure2012: 0.05, Contrast2012: 3 }, ...say("Brighten") })?.reason).toMatch(/too small/);
    expect(editTooSmall({ params: {}, ...say("Keep it") })?.filter).toBe("edit-too-small");
    expect(editTooSmall({ params: { Exposure2012: 0.7 }, ...say("Brighten") })).toBeNull();
    expect(editTooSmall({ params: { ConvertToGrayscale: true }, ...say("Make it black and white") })).toBeNull();
  });
});

describe("contradictsDeltas", () => {
  it("flags 'brighter' when exposure and tone went down", () => {
    const r = contradictsDeltas({ params: { Exposure2012: -0.8, Shadows2012: -20 }, ...say("Make it brighter.") });
    expect(r?.reason).toMatch(/says "brighter".*brightness went down/);
  });

  it("does not flag a claim the params agree with, or mixed tone moves", () => {
    expect(contradictsDeltas({ params: { Exposure2012: -0.8 }, ...say("Make it darker.") })).toBeNull();
    expect(contradictsDeltas({ params: { Exposure2012: -0.3, Shadows2012: 60 }, ...say("Make it brighter.") })).toBeNull();
  });

  it("checks warmth, colourfulness and contrast", () => {
    expect(contradictsDeltas({ params: { IncrementalTemperature: -20 }, ...say("Warm up the colors") })?.reason).toMatch(
      /warmth went down/,
    );
    expect(contradictsDeltas({ params: { ConvertToGrayscale: true }, ...say("Make it more colorful") })?.reason).toMatch(
      /saturation went down/,
    );
    expect(contradictsDeltas({ params: { Contrast2012: 40 }, ...say("Make it flatter") })?.reason).toMatch(/contrast went up/);
  });
});

describe("reasoningMismatch", () => {
  it("flags reasoning that names a parameter the edit leaves alone", () => {
    const r = reasoningMismatch({ params: { Exposure2012: 1 }, ...say("Brighten", "Raised Exposure2012 and Clarity2012 for punch.") });
    expect(r?.reason).toMatch(/names Clarity2012/);
  });

  it("flags reasoning that misses the dominant change", () => {
    const r = reasoningMismatch({
      params: { Exposure2012: 1.5, Vibrance: 5 },
      ...say("Brighten", "The colors were boosted a little with vibrance."),
    });
    expect(r?.reason).toMatch(/misses the dominant change Exposure2012/);
  });

  it("passes reasoning that explains the dominant changes in words", () => {
    expect(
      reasoningMismatch({
        params: { Exposure2012: 1.5, ConvertToGrayscale: true },
        ...say("x", "A black and white look with +1.5 EV exposure."),
      }),
    ).toBeNull();
  });
});

describe("runFilters", () => {
  it("returns every reason, and the optional second-model check's", async () => {
    const reasons = await runFilters(
      { params: { Exposure2012: -1.2 }, ...say("Make it brighter", "Lowered Clarity2012.") },
      { consistencyCheck: async () => ({ filter: "second-model", reason: "the checker disagrees" }) },
    );
    expect(reasons.map((r) => r.filter)).toEqual(["contradicts-deltas", "reasoning-mismatch", "second-model"]);
    expect(await runFilters({ params: { Exposure2012: 1.2 }, ...say("Make it brighter", "Exposure +1.2 EV lifts everything.") })).toEqual(
      [],
    );
  });
});
