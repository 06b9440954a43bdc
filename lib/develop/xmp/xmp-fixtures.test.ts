import { describe, expect, it } from "vitest";
import { listFiles, pathExists, readText, SHARED_PEVA3 } from "@/test/files";
import { isErrorIssue } from "../params";
import { readXmp } from "./read-xmp";
import { writeXmp } from "./write-xmp";

const FIXTURES = "lib/develop/fixtures/xmp/";
const BAD = new Set(["bad-xml.xmp", "strings-for-numbers.xmp", "out-of-range.xmp", "unknown-keys.xmp"]);
// The full peva3 collection lives outside the repository; a fresh clone has no ../shared.
const PEVA3 = SHARED_PEVA3;
const listXmp = (dir: string) => listFiles(dir, ".xmp").map((name) => dir + (dir.endsWith("/") ? "" : "/") + name);

/** Read, write, read again: the parameters must survive unchanged and the rewrite add no errors. */
function roundTrip(text: string) {
  const first = readXmp(text);
  const second = readXmp(writeXmp(first.params, { name: first.meta.name }));
  return { first, second };
}

const good = listXmp(FIXTURES).filter((path) => !BAD.has(path.slice(FIXTURES.length)));

describe("good XMP fixtures", () => {
  it("has the hand-written set and the six peva3 presets", () => {
    expect(good.filter((p) => !p.includes("/peva3/")).length).toBeGreaterThanOrEqual(11);
    expect(good.filter((p) => p.includes("/peva3/"))).toHaveLength(6);
  });

  it.each(good.map((p) => [p.slice(FIXTURES.length), p]))("%s parses without errors and round-trips", (_name, path) => {
    const { first, second } = roundTrip(readText(path));
    expect(first.issues.filter(isErrorIssue)).toEqual([]);
    expect(Object.keys(first.params).length).toBeGreaterThan(0);
    expect(second.params).toEqual(first.params);
    expect(second.issues.filter(isErrorIssue)).toEqual([]);
  });
});

describe.skipIf(!pathExists(PEVA3))("all peva3 presets (../shared/fixtures/xmp-peva3)", () => {
  it("parses every file without throwing and round-trips every readable one", () => {
    const files = listXmp(PEVA3);
    expect(files.length).toBeGreaterThanOrEqual(361);
    const byCode: Record<string, number> = {};
    let withIssues = 0;
    let unreadable = 0;
    for (const path of files) {
      const { first, second } = roundTrip(readText(path));
      if (first.issues.length > 0) withIssues++;
      for (const issue of first.issues) byCode[issue.code] = (byCode[issue.code] ?? 0) + 1;
      if (first.issues.some((i) => i.key === "" && i.code === "malformed")) {
        unreadable++;
        continue;
      }
      expect(second.params, path).toEqual(first.params);
      expect(second.issues.filter(isErrorIssue), path).toEqual([]);
    }
    // A few files in the collection are empty or an HTTP "404: Not Found" body; they must be reported, not crash.
    expect(unreadable).toBeLessThan(10);
    console.log(JSON.stringify({ files: files.length, withIssues, unreadable, issuesByCode: byCode }));
  });
});
