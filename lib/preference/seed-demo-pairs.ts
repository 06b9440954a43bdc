import "server-only";
import { eq, inArray } from "drizzle-orm";
import { images, instructions, trajectories } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { generatePerturbedPairs } from "./generate-perturbed-pairs";

/** Hand-written demo edits with the instruction a person would give for each. */
const DEMO = [
  { photo: "coffee.jpg", text: "Brighten the cup and add some punch.", params: { Exposure2012: 0.9, Contrast2012: 30, Shadows2012: 25 } },
  {
    photo: "astronaut.jpg",
    text: "Make it feel warmer, like late afternoon sun.",
    params: { IncrementalTemperature: 30, Vibrance: 15, Exposure2012: 0.2 },
  },
  {
    photo: "chelsea-cat.jpg",
    text: "Darker and moodier, with muted colours.",
    params: { Exposure2012: -0.7, Saturation: -30, Contrast2012: 20 },
  },
  {
    photo: "citrus-fruits.jpg",
    text: "Make the colours pop and the details crisp.",
    params: { Vibrance: 35, Clarity2012: 25, Contrast2012: 20 },
  },
];

/**
 * Demo preference data for a fresh install (and the browser tests): one
 * accepted instruction per demo edit on the seeded sample photos, and the
 * perturbed pairs built from it. Idempotent (content keys and keyed pairs).
 */
export async function seedDemoPairs({ ctx }: { ctx: Ctx }) {
  const named = await ctx.db
    .select({ sha256: images.sha256, name: images.originalName })
    .from(images)
    .where(
      inArray(
        images.originalName,
        DEMO.map((d) => d.photo),
      ),
    );
  let pairs = 0;
  for (const d of DEMO) {
    const img = named.find((n) => n.name === d.photo);
    if (!img) continue;
    const contentKey = `demo-pairs:${img.sha256}`;
    const [t] = await ctx.db
      .insert(trajectories)
      .values({ sourceSha: img.sha256, params: d.params, origin: "synthetic", status: "accepted", contentKey, source: "demo pairs" })
      .onConflictDoNothing()
      .returning();
    const trajectory = t ?? (await ctx.db.select().from(trajectories).where(eq(trajectories.contentKey, contentKey)))[0];
    const [i] = await ctx.db
      .insert(instructions)
      .values({
        trajectoryId: trajectory.id,
        version: 1,
        variant: "medium",
        text: d.text,
        modelName: "hand-written",
        backend: "heuristic",
        promptVersion: "demo",
        status: "accepted",
      })
      .onConflictDoNothing()
      .returning();
    const instructionId = i?.id ?? (await ctx.db.select().from(instructions).where(eq(instructions.trajectoryId, trajectory.id)))[0].id;
    pairs += (await generatePerturbedPairs({ ctx, input: { instructionId, withModel: false } })).pairs;
  }
  return { pairs };
}
