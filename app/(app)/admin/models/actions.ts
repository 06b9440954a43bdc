"use server";
import { revalidatePath } from "next/cache";
import { createModel, setModelActive, testModelConnection, updateModel } from "@/lib/inference";
import { runAction } from "@/lib/http/action";

// Server actions behind the models admin page; each verb validates its input and checks the admin role.

/** "Add model" dialog. */
export async function createModelAction(input: unknown) {
  const result = await runAction((ctx) => createModel({ ctx, input: input as never }));
  if (result.ok) revalidatePath("/admin/models");
  return result;
}

/** "Edit" dialog; an empty API key field keeps the stored key. */
export async function updateModelAction(input: unknown) {
  const result = await runAction((ctx) => updateModel({ ctx, input: input as never }));
  if (result.ok) revalidatePath("/admin/models");
  return result;
}

/** Activate / deactivate buttons. */
export async function setModelActiveAction(input: unknown) {
  const result = await runAction((ctx) => setModelActive({ ctx, input: input as never }));
  if (result.ok) revalidatePath("/admin/models");
  return result;
}

/** "Test connection" button. */
export async function testModelConnectionAction(input: unknown) {
  return runAction((ctx) => testModelConnection({ ctx, input: input as never }));
}
