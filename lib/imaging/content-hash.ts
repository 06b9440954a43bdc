import "server-only";

import { createHash } from "node:crypto";

/** Lowercase hex sha256 of some bytes: the key images are stored and deduplicated by. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
