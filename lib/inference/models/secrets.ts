import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/config/env";

// API keys stored in the models table are encrypted with AES-256-GCM under a
// key derived from MODEL_SECRET_KEY (or the auth secret), so a database dump
// alone does not reveal them. Format: v1.<iv>.<tag>.<ciphertext>, base64url.

function key(): Buffer {
  const secret = process.env.MODEL_SECRET_KEY ?? authSecret();
  if (!secret) throw new Error("Set MODEL_SECRET_KEY or BETTER_AUTH_SECRET to store API keys");
  return createHash("sha256").update(`retouchiq-model-secrets:${secret}`).digest();
}

/** Encrypts a secret for storage. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** Decrypts a stored secret; throws when the key changed or the value was tampered with. */
export function decryptSecret(stored: string): string {
  const [v, iv, tag, data] = stored.split(".");
  if (v !== "v1" || !iv || !tag || data === undefined) throw new Error("unreadable stored secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
