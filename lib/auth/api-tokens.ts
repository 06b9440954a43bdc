import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
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
    z.object({
      name: z.string().trim().min(1).max(80),
      scopes: z.array(z.enum(API_TOKEN_SCOPES)).max(API_TOKEN_SCOPES.length).default([]),
    }),
    input,
  );
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({ userId: actor.id, name, scopes, prefix: token.slice(0, 10), tokenHash: hashToken(token) })
    .returning({ id: apiTokens.id });
  return { id: row.id, name, scopes, token };
}

/** How stale `last_used_at` may get: the admin page shows the day, so a write per request is waste. */
const LAST_USED_RESOLUTION = "1 minute";

type TokenRow = { id: string; email: string; name: string; role: Actor["role"]; scopes: string[] };

/**
 * Resolves `Authorization: Bearer riq_…` to its owner, or null. One indexed
 * statement per request (nothing cached, so revoking a token or disabling a
 * user takes effect on the very next request); it also stamps `last_used_at`,
 * at most once a minute.
 */
export async function actorFromApiToken({ ctx, token }: { ctx: Pick<Ctx, "db">; token: string }): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = (await ctx.db.execute(sql`
    with live as (
      select t.id as token_id, t.last_used_at, u.id, u.email, u.name, u.role, t.scopes
      from ${apiTokens} t join ${users} u on u.id = t.user_id
      where t.token_hash = ${hashToken(token)} and t.revoked_at is null and u.disabled_at is null
      limit 1
    ), touched as (
      update ${apiTokens} set last_used_at = now()
      where id = (select token_id from live)
        and (last_used_at is null or last_used_at < now() - ${LAST_USED_RESOLUTION}::interval)
    )
    select id, email, name, role, scopes from live`)) as unknown as TokenRow[];
  if (!row) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, via: "token", scopes: row.scopes };
}
