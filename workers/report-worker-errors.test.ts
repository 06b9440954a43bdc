import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { reportWorkerErrors } from "./report-worker-errors";

describe("reportWorkerErrors", () => {
  it("logs a run of one error once, then once a minute with a count, and the recovery", () => {
    const worker = new EventEmitter();
    const connection = new EventEmitter();
    const lines: string[] = [];
    let t = 0;
    reportWorkerErrors(worker, connection, "corpus", { log: (l) => lines.push(l), now: () => t });
    const refused = new Error("connect ECONNREFUSED 127.0.0.1:6379");
    // 4 a second for 90 s, as BullMQ's reconnects do.
    for (; t < 90_000; t += 250) worker.emit("error", refused);
    expect(lines).toEqual([
      "[worker:corpus] connect ECONNREFUSED 127.0.0.1:6379",
      "[worker:corpus] connect ECONNREFUSED 127.0.0.1:6379 (240 times in the last 60 s)",
    ]);
    worker.emit("error", new Error("READONLY You can't write against a read only replica."));
    expect(lines.at(-1)).toBe("[worker:corpus] READONLY You can't write against a read only replica.");
    connection.emit("ready");
    expect(lines.at(-1)).toBe("[worker:corpus] connected again after 90 s of errors");
    // A ready with no errors before it says nothing; the next outage is logged afresh.
    connection.emit("ready");
    worker.emit("error", refused);
    expect(lines.slice(-2)).toEqual([
      "[worker:corpus] connected again after 90 s of errors",
      "[worker:corpus] connect ECONNREFUSED 127.0.0.1:6379",
    ]);
  });
});
