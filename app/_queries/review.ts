import { queryOptions } from "@tanstack/react-query";
import type { ReviewItem } from "@/lib/review";

export type { ReviewItem };
export type Conflict = { variant: string; theirs: string; yours: string };

/** An API error with its code and details (conflicts carry both texts). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly details?: { conflicts?: Conflict[] },
  ) {
    super(message);
  }
}

export async function api<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(
    url,
    body === undefined ? undefined : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  const json = await res.json().catch(() => null);
  if (!res.ok)
    throw new ApiError(
      json?.error?.message ?? `${res.status} ${res.statusText}`,
      json?.error?.code ?? "INTERNAL",
      res.status,
      json?.error?.details,
    );
  return json as T;
}

export const reviewItemQuery = (id: string) =>
  queryOptions({ queryKey: ["review", "item", id], queryFn: () => api<ReviewItem>(`/api/v1/review/items/${id}`), staleTime: 60_000 });

export const nextReviewItem = (exclude: string[]) => api<{ item: ReviewItem | null }>("/api/v1/review/next", { exclude });

export type SubmitBody = {
  submissionId: string;
  decisions: {
    instructionId: string;
    lockVersion: number;
    decision: "accept" | "edit" | "reject";
    text?: string;
    reason?: string;
    comment?: string;
  }[];
  reasoning?: string;
  editBad: boolean;
};

export const submitDecision = (id: string, body: SubmitBody) =>
  api<{ outcome: "recorded" | "duplicate" | "extra"; settled: string | null }>(`/api/v1/review/items/${id}/decisions`, body);
export const undoDecision = (id: string, submissionId: string) =>
  api<{ undone: number }>(`/api/v1/review/items/${id}/undo`, { submissionId });
export const leaseAction = (id: string, action: "renew" | "release") => api<unknown>(`/api/v1/review/items/${id}/lease`, { action });
