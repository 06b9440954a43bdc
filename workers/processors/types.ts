import type { Job } from "bullmq";
import type { JobName, JobPayload } from "@/lib/queue";

/** A processor receives a job whose payload was re-validated against the catalog. */
export type Processor<J extends JobName> = (payload: JobPayload<J>, job: Job) => Promise<unknown>;
/** One processor per job in the catalog: forgetting one is a compile error. */
export type ProcessorMap = { [J in JobName]: Processor<J> };
