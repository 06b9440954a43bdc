import { z } from "zod";
import { WORK_KINDS } from "@/db/schema";

/** Default lease: an item stays with its holder 10 minutes unless renewed. */
export const DEFAULT_LEASE_SECONDS = 600;

export const workKind = z.enum(WORK_KINDS);
export const leaseSeconds = z.number().int().min(1).max(3_600).default(DEFAULT_LEASE_SECONDS);
export const itemRef = z.object({ kind: workKind, itemId: z.uuid() });

/** A lease as the queue hands it out. `resumed`: the user already held it (a reload, a prefetch). */
export type Lease = { kind: string; itemId: string; slot: number; expiresAt: Date; resumed: boolean };
