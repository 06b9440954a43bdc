import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createContext, systemContext } from "@/lib/context";
import { getQueue } from "@/lib/queue";
import { makeActor } from "@/test/actors";
import { createImport } from "./create-import";
import { sweepRunningImports } from "./sweep-running-imports";

describe("sweepRunningImports", () => {
  it("queues an import whose job was lost (Redis restarted) once, and not one that is too young", async () => {
    const dir = await mkdtemp(join(tmpdir(), "riq-sweep-import-"));
    await writeFile(join(dir, "manifest.jsonl"), "");
    const run = await createImport({ ctx: createContext({ actor: await makeActor("researcher") }), input: { path: dir } });
    expect(run.status).toBe("running");
    const queue = getQueue("corpus");
    expect(await queue.getJob(`import-corpus.${run.id}`)).toBeUndefined();
    await sweepRunningImports({ ctx: systemContext(), input: { olderThanMs: 60_000 } });
    expect(await queue.getJob(`import-corpus.${run.id}`)).toBeUndefined();
    await sweepRunningImports({ ctx: systemContext(), input: { olderThanMs: 0 } });
    await sweepRunningImports({ ctx: systemContext(), input: { olderThanMs: 0 } });
    expect(await queue.getJob(`import-corpus.${run.id}`)).toMatchObject({ data: { importId: run.id } });
    expect((await queue.getJobs(["waiting", "delayed", "active"])).filter((j) => j.data.importId === run.id)).toHaveLength(1);
  });
});
