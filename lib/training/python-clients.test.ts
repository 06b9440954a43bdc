import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The Python side (training/) runs on GPU nodes; its unittest suite runs here with Debian's python3.
const PYTHON = "/usr/bin/python3";

describe("training/ Python reward clients", () => {
  it.skipIf(!existsSync(PYTHON))(
    "pass their unittest suite (chunking, concurrency, failure isolation, PGRT rule)",
    () => {
      const out = execFileSync(PYTHON, ["-m", "unittest", "discover", "-s", "training/tests"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      expect(out).toBe("");
    },
    60_000,
  );
});
