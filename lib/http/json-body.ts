import "server-only";
import { AppError } from "@/lib/errors";

/** A request's JSON body (an object; empty body → {}), or a VALIDATION error for anything else. Capped at 256 KiB. */
export async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (text.length > 256 * 1024) throw new AppError("VALIDATION", "Request body too large");
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", "Send a JSON object");
}
