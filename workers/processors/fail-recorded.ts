import { UnrecoverableError, type Job } from "bullmq";
import { isAppError } from "@/lib/errors";
import { ImageError } from "@/lib/imaging";

/** Missing rows, invalid input and undecodable images cannot be fixed by retrying; model and database outages can. */
export const isPermanentJobError = (e: unknown) =>
  e instanceof ImageError || (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION"));

/**
 * A failed job whose row records its failures: on the job's last attempt, or at once for an error
 * retrying cannot fix (`permanent`), `record` writes the error to the row. Then a permanent error
 * fails the job for good and any other goes back to BullMQ to retry.
 */
export async function failRecorded(job: Job, e: unknown, permanent: boolean, record: (error: string) => Promise<unknown>): Promise<never> {
  const message = (e as Error).message;
  if (permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await record(message);
  if (permanent) throw new UnrecoverableError(message);
  throw e;
}
