import { Writable } from "node:stream";
import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { images, instructions, trajectories } from "@/db/schema";
import { lightroomExportFolder } from "@/test/corpus/corpus-fixtures";
import { waitFor } from "@/test/wait-for";
import { startWorkers } from "@/workers/start-workers";
import { runImportCommand } from "./import-command";

const sink = () => {
  let text = "";
  const stream = new Writable({ write: (chunk, _enc, cb) => ((text += chunk.toString()), cb()) });
  return { stream, text: () => text };
};

let workers: Awaited<ReturnType<typeof startWorkers>> = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
});

describe("retouch import (CLI)", () => {
  it("imports a Lightroom export folder of the sample photos and the pipeline takes it to the review queue", async () => {
    const dir = lightroomExportFolder();
    const out = sink();
    const err = sink();
    const code = await runImportCommand([dir, "--json"], { stdout: out.stream, stderr: err.stream });
    expect(code, err.text()).toBe(0);
    const report = JSON.parse(out.text().trim().split("\n").pop()!);
    expect(report).toMatchObject({ total: 6, imported: 6, duplicates: 0, failed: 0 });
    expect(err.text()).toMatch(/\[#+\] 6\/6/);

    const rows = await getDb().select().from(trajectories).where(eq(trajectories.importId, report.importId));
    const names = await getDb().select({ sha256: images.sha256, name: images.originalName }).from(images);
    const nameOf = new Map(names.map((n) => [n.sha256, n.name]));
    const category = Object.fromEntries(rows.map((r) => [nameOf.get(r.sourceSha), r.category]));
    // The categories test/fixtures/corpus/edits/README.md documents for each hand-written edit.
    expect(category).toEqual({
      "astronaut.jpg": "quality",
      "honey-bee.jpg": "quality",
      "cincinnati-bridge.jpg": "quality",
      "coffee.jpg": "style",
      "citrus-fruits.jpg": "style",
      "chelsea-cat.jpg": "local",
    });
    expect(rows.find((r) => r.category === "local")?.hasLocalCorrections).toBe(true);
    expect(rows.every((r) => r.targetRendered && r.targetSha)).toBe(true);

    // The worker runs the annotation jobs the import queued: render → annotate → filter → review queue.
    workers = await startWorkers({ only: ["corpus"] });
    const ids = rows.map((r) => r.id);
    const done = await waitFor(
      async () => {
        const now = await getDb().select().from(trajectories).where(inArray(trajectories.id, ids));
        return now.every((r) => r.status === "in_review" || r.status === "filtered_out") && now;
      },
      45_000,
      "annotation of every imported trajectory",
    );
    const inReview = done.filter((r) => r.status === "in_review");
    expect(inReview.length).toBeGreaterThan(0);
    const written = await getDb().select().from(instructions).where(inArray(instructions.trajectoryId, ids));
    for (const t of done) {
      const mine = written.filter((i) => i.trajectoryId === t.id);
      expect(mine.map((i) => i.variant).sort()).toEqual(["long", "medium", "short"]);
      expect(mine.every((i) => i.backend === "heuristic" && i.version === 1 && i.text.length > 0)).toBe(true);
      // Filtered-out annotations say why; the ones in review have no reasons.
      if (t.status === "filtered_out") expect(mine[0].filterReasons.length).toBeGreaterThan(0);
      else expect(mine[0].filterReasons).toEqual([]);
    }
  });

  it("re-running the same import adds nothing, and bad usage exits 2", async () => {
    const dir = lightroomExportFolder();
    const out = sink();
    expect(await runImportCommand([dir, "--json"], { stdout: out.stream, stderr: sink().stream })).toBe(0);
    expect(JSON.parse(out.text().trim())).toMatchObject({ imported: 0, duplicates: 6 });
    const err = sink();
    expect(await runImportCommand([], { stdout: sink().stream, stderr: err.stream })).toBe(2);
    expect(err.text()).toMatch(/give one manifest or folder/);
  });
});
