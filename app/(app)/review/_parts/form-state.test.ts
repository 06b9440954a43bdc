import { describe, expect, it } from "vitest";
import type { ReviewItem } from "@/app/_queries/review";
import { formProblem, initialForm, toSubmitBody } from "./form-state";

const item = {
  trajectoryId: "t1",
  reasoning: "It is dark.",
  variants: [
    { id: "s", variant: "short", text: "Brighten it.", modelText: "Brighten it.", status: "in_review", lockVersion: 1 },
    { id: "m", variant: "medium", text: "Brighten it a bit.", modelText: "Brighten it a bit.", status: "in_review", lockVersion: 2 },
    {
      id: "l",
      variant: "long",
      text: "Brighten the whole photo a bit.",
      modelText: "Brighten the whole photo a bit.",
      status: "in_review",
      lockVersion: 1,
    },
  ],
} as unknown as ReviewItem;

describe("review form", () => {
  it("starts with every variant accepted as written and sends plain accepts", () => {
    const body = toSubmitBody(item, initialForm(item), "sub");
    expect(body.decisions.map((d) => d.decision)).toEqual(["accept", "accept", "accept"]);
    expect(body.decisions[1].lockVersion).toBe(2);
    expect(body.reasoning).toBeUndefined();
  });

  it("a changed text is an edit; a changed reasoning is sent; whitespace alone is no edit", () => {
    const form = initialForm(item);
    form.variants[0].text = "Brighten it by one stop.";
    form.variants[1].text = "  Brighten it a bit. ";
    form.reasoning = "It is dark and flat.";
    const body = toSubmitBody(item, form, "sub");
    expect(body.decisions[0]).toMatchObject({ decision: "edit", text: "Brighten it by one stop." });
    expect(body.decisions[1].decision).toBe("accept");
    expect(body.reasoning).toBe("It is dark and flat.");
  });

  it("a reject needs a reason, and 'other' needs words", () => {
    const form = initialForm(item);
    form.variants[2].verdict = "reject";
    expect(formProblem(item, form)).toMatch(/why the long instruction/);
    form.variants[2].reason = "other";
    expect(formProblem(item, form)).toMatch(/what is wrong/);
    form.variants[2].comment = "talks about another photo";
    expect(formProblem(item, form)).toBeNull();
    expect(toSubmitBody(item, form, "sub").decisions[2]).toMatchObject({
      decision: "reject",
      reason: "other",
      comment: "talks about another photo",
    });
  });
});
