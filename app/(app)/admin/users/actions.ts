"use server";
import { revalidatePath } from "next/cache";
import { createUser, getUserAccess, resetUserPassword, revokeUserAccess, setUserDisabled, setUserRole } from "@/lib/auth";
import { runAction } from "@/lib/http/action";

// Server actions behind /admin/users; each verb checks the admin role first, then validates its input.

/** "Create user" dialog ({ email, name, password, role }). */
export async function createUserAction(input: unknown) {
  const result = await runAction((ctx) => createUser({ ctx, input: input as never }));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

/** Role select on a user row ({ userId, role }). */
export async function setUserRoleAction(input: unknown) {
  const result = await runAction((ctx) => setUserRole({ ctx, input: input as never }));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

/** Disable / Enable button ({ userId, disabled }). */
export async function setUserDisabledAction(input: unknown) {
  const result = await runAction((ctx) => setUserDisabled({ ctx, input: input as never }));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

/** "Reset password": returns a one-time password to show once ({ userId }). */
export async function resetUserPasswordAction(input: unknown) {
  return runAction((ctx) => resetUserPassword({ ctx, input: input as never }));
}

/** "Sessions & tokens" panel ({ userId }). */
export async function getUserAccessAction(input: unknown) {
  return runAction((ctx) => getUserAccess({ ctx, input: input as never }));
}

/** Revoke one session or API token ({ kind: "session" | "token", id }). */
export async function revokeUserAccessAction(input: unknown) {
  return runAction((ctx) => revokeUserAccess({ ctx, input: input as never }));
}
