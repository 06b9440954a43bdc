/**
 * The shared work queue with leases: review (trajectories) today, compare
 * (pairs) next; any workspace that hands items to people one at a time.
 *
 * Model: an item of a `kind` that needs k independent decisions (overlap k)
 * has k slots in `work_slots`. A slot is free, leased to one user until
 * `expiresAt` (default 10 min, renewed while the page is open), or done.
 * - `claimNext` — the actor's current lease, else one open slot of an item they
 *   have neither decided nor hold, highest priority first. One SQL statement
 *   with `FOR UPDATE SKIP LOCKED`: a slot is never handed to two people; an
 *   item never to more than k; a decided item never comes back to its user.
 * - `renewLease` / `releaseLease` — keep or give back an undecided item.
 * - `completeSlot` — inside YOUR decision transaction: marks the actor's slot
 *   done. Guard your own decision table with a unique (item, user) key too,
 *   so a double submit writes one row whatever the timing.
 * - `enqueueItems` / `setOverlap` / `setPriority` — pipelines and researchers.
 * Blindness, disagreement and adjudication are the workspace's business
 * (lib/review does it for instructions); the queue never shows decisions.
 *
 * Example, another item kind ("compare" pairs; add the kind to WORK_KINDS):
 * ```ts
 * await enqueueItems({ ctx: systemContext(), input: { kind: "compare", itemIds: pairIds, overlap: 3 } });
 * const lease = await claimNext({ ctx, input: { kind: "compare" } }); // null: nothing left for you
 * if (lease) {
 *   // …show pair lease.itemId; renew every minute while open:
 *   await renewLease({ ctx, input: { kind: "compare", itemId: lease.itemId } });
 *   await ctx.db.transaction(async (tx) => {
 *     const done = await completeSlot({ ctx: { ...ctx, db: tx }, input: { kind: "compare", itemId: lease.itemId } });
 *     if (done.outcome !== "duplicate") await tx.insert(labels).values({ … }).onConflictDoNothing();
 *   });
 * }
 * ```
 */
export { claimNext, claimNextInput } from "./claim-next";
export { renewLease, renewLeaseInput } from "./renew-lease";
export { releaseLease, releaseLeaseInput } from "./release-lease";
export { completeSlot, completeSlotInput, type CompleteOutcome } from "./complete-slot";
export { enqueueItems, enqueueItemsInput } from "./enqueue-items";
export { setOverlap, setOverlapInput } from "./set-overlap";
export { setPriority, setPriorityInput } from "./set-priority";
export { DEFAULT_LEASE_SECONDS, type Lease } from "./schemas";
