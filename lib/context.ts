import "server-only";
import type { Db, Tx } from "@/db/client";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/**
 * What every verb receives: the database handle (a transaction in tests so
 * they can roll back), who is acting, and whether this is a trusted system
 * call (seed scripts, workers) that skips role checks.
 */
export type Ctx = { db: Db | Tx; actor: Actor | null; system?: boolean };

export const createContext = ({ actor }: { actor: Actor | null }): Ctx => ({ db: getDb(), actor });
export const systemContext = (): Ctx => ({ db: getDb(), actor: null, system: true });
