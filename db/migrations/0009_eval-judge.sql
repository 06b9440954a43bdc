ALTER TABLE "eval_runs" ADD COLUMN "judge_model_id" uuid;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD COLUMN "pq_wording" text DEFAULT 'perceptual_quality' NOT NULL;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_judge_model_id_models_id_fk" FOREIGN KEY ("judge_model_id") REFERENCES "public"."models"("id") ON DELETE set null ON UPDATE no action;