import "server-only";
import type { models } from "@/db/schema";

/** A model row as shown to people: the stored key is never returned, only whether there is one. */
export type PublicModel = Omit<typeof models.$inferSelect, "apiKeyEncrypted" | "createdAt" | "updatedAt"> & {
  hasStoredKey: boolean;
  createdAt: string;
  updatedAt: string;
};

export function toPublicModel(row: typeof models.$inferSelect): PublicModel {
  const { apiKeyEncrypted, createdAt, updatedAt, ...rest } = row;
  return { ...rest, hasStoredKey: Boolean(apiKeyEncrypted), createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}
