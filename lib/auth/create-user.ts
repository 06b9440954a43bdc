import "server-only";
import { z } from "zod";
import { ROLES } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { plainText } from "@/lib/validation";
import { requireRole } from "./actor";
import { getAuth } from "./auth";
import { recordAudit } from "./record-audit";

export const createUserInput = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: plainText(120).pipe(z.string().trim().min(1, "Name is required")),
  password: z.string().min(8, "Password needs at least 8 characters").max(128),
  role: z.enum(ROLES),
});

/**
 * Creates a user with an email/password credential. Admins only, except
 * when `ctx.system` is set (the bootstrap admin from the demo script).
 * The password is hashed by better-auth and never logged.
 */
export async function createUser({ ctx, input }: { ctx: Ctx; input: z.input<typeof createUserInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["admin"]);
  const data = parseInput(createUserInput, input);
  const auth = await getAuth().$context;
  if (await auth.internalAdapter.findUserByEmail(data.email)) {
    throw new AppError("CONFLICT", `A user with email ${data.email} already exists`);
  }
  const hash = await auth.password.hash(data.password);
  const user = await auth.internalAdapter.createUser(
    { email: data.email, name: data.name, role: data.role, emailVerified: true },
    { method: "admin" },
  );
  await auth.internalAdapter.linkAccount({ providerId: "credential", accountId: user.id, userId: user.id, password: hash });
  await recordAudit({ ctx, action: "user.create", subjectType: "user", subjectId: user.id, data: { email: data.email, role: data.role } });
  return { id: user.id, email: data.email, name: data.name, role: data.role };
}
