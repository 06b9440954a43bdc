ALTER TABLE "pairs" ADD COLUMN "judge_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "pairs" ADD COLUMN "judge_error" text;--> statement-breakpoint
ALTER TABLE "pairs" ADD COLUMN "judge_failed_at" timestamp with time zone;