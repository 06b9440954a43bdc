"use server";
import { revalidatePath } from "next/cache";
import { createUser } from "@/lib/auth";
import { runAction } from "@/lib/http/action";

/** Server action behind the "Create user" dialog. */
export async function createUserAction(input: unknown) {
  const result = await runAction((ctx) => createUser({ ctx, input: input as never }));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
