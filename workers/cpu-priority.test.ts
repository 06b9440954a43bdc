import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKER_NICE, workerNice } from "./cpu-priority";

describe("workerNice", () => {
  it("defaults when unset or blank, and takes 0..19", () => {
    expect(workerNice(undefined)).toBe(DEFAULT_WORKER_NICE);
    expect(workerNice(" ")).toBe(DEFAULT_WORKER_NICE);
    expect(workerNice("0")).toBe(0);
    expect(workerNice("19")).toBe(19);
  });

  it("refuses values a nice value cannot take, naming the variable", () => {
    for (const bad of ["-5", "20", "1.5", "high"]) expect(() => workerNice(bad)).toThrow(/WORKER_NICE must be a whole number from 0 to 19/);
  });
});

describe.runIf(existsSync("/proc/self/task"))("lowerCpuPriority", () => {
  it("lowers every thread of the process, including those Node started before the call", () => {
    // In a child process, so the test runner keeps its own priority. Field 19 of a thread's stat line is its nice value.
    const script = `
      import { readdirSync, readFileSync } from "node:fs";
      import { lowerCpuPriority } from "./workers/cpu-priority.ts";
      const nice = () => readdirSync("/proc/self/task").map((t) => Number(readFileSync("/proc/self/task/" + t + "/stat", "utf8").split(") ")[1].split(" ")[16]));
      const before = nice();
      const set = lowerCpuPriority(7);
      console.log(JSON.stringify({ before, after: nice(), set }));`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.status, child.stderr).toBe(0);
    const { before, after, set } = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
      before: number[];
      after: number[];
      set: number;
    };
    expect(before.length).toBeGreaterThan(1); // Node runs helper threads beside the main one
    expect(before.every((n) => n === before[0])).toBe(true);
    expect(set).toBe(after.length);
    expect(after.every((n) => n === 7)).toBe(true);
  });
});
