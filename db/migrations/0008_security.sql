ALTER TABLE "user" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inference_calls" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inference_calls" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "inference_calls_started_idx" ON "inference_calls" USING btree ("deadline_at") WHERE status = 'started';