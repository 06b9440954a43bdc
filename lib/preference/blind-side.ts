import "server-only";
import { createHash } from "node:crypto";

/**
 * Which member a user sees on the left (A) for a pair: a hash of (pair, user),
 * so sides are random across labels and pairs, stable for one person across
 * reloads, and recomputed (never trusted from the browser) when they submit.
 */
export function leftMemberFor(pairId: string, userId: string): "strong" | "weak" {
  return createHash("sha256").update(`${pairId}|${userId}`).digest()[0] & 1 ? "strong" : "weak";
}

/** Maps what the person clicked (A / B) to the member it showed. */
export function memberOfSide(side: "a" | "b", leftWas: "strong" | "weak"): "strong" | "weak" {
  if (side === "a") return leftWas;
  return leftWas === "strong" ? "weak" : "strong";
}
