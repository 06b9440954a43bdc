import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { API_TOKEN_SCOPES, apiTokens, users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import type { Actor } from "./actor";
import { requireRole } from "./actor";

const TOKEN_PREFIX = "riq_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Issues a bearer token for trainers/scripts acting as the caller. The
 * secret is returned once and only its hash is stored.
 */
export async function createApiToken({ ctx, input }: { ctx: Ctx; input: { name: string; scopes?: string[] } }) {
  const actor = requireRole(ctx.actor, ["researcher"]);
  const { name, scopes } = parseInput(
    z.object({ name: z.string().trim().min(1).max(80), scopes: z.array(z.enum(API_TOKEN_SCOPES)).max(API_TOKEN_SCOPES.length).default([]) }),
    input,
  );
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({ userId: actor.id, name, scopes, prefix: token.slice(0, 10), tokenHash: hashToken(token) })
    .returning({ id: apiTokens.id });
  return { id: row.id, name, scopes, token };
}

/** Resolves `Authorization: Bearer riq_…` to its owner, or null. */
export async function actorFromApiToken({ ctx, token }: { ctx: Pick<Ctx, "db">; token: string }): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, tokenId: apiTokens.id, scopes: apiTokens.scopes })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return null;
  await ctx.db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return { id: row.id, email: row.email, name: row.name, role: row.role, via: "token", scopes: row.scopes };
}
