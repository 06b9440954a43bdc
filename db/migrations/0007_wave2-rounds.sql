CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"instruction_id" uuid,
	"params" jsonb NOT NULL,
	"params_hash" text NOT NULL,
	"render_key" text,
	"image_key" text,
	"renderer" text NOT NULL,
	"origin" text NOT NULL,
	"strategy" text,
	"kind" text,
	"model_id" uuid,
	"model_name" text,
	"round" integer,
	"parent_id" uuid,
	"diff_to_strong" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"magnitude" real DEFAULT 0 NOT NULL,
	"weak_check" text,
	"weak_check_reason" text,
	"weak_check_by" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"labeler_kind" text NOT NULL,
	"user_id" text,
	"model_id" uuid,
	"model_name" text,
	"choice" text NOT NULL,
	"strength" text,
	"left_was" text NOT NULL,
	"swapped" boolean DEFAULT false NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score_strong" real,
	"score_weak" real,
	"raw_output" text,
	"inference_call_id" uuid,
	"position_bias" boolean DEFAULT false NOT NULL,
	"duration_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instruction_id" uuid NOT NULL,
	"strong_id" uuid NOT NULL,
	"weak_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"kind" text,
	"round" integer DEFAULT 1 NOT NULL,
	"gold" boolean DEFAULT false NOT NULL,
	"gold_answer" text,
	"split" text DEFAULT 'train' NOT NULL,
	"renderer" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairs_distinct_members" CHECK ("pairs"."strong_id" <> "pairs"."weak_id")
);
--> statement-breakpoint
CREATE TABLE "benchmark_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"benchmark_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"trajectory_id" uuid,
	"instruction" text,
	"source_sha" text NOT NULL,
	"reference_sha" text NOT NULL,
	"split" text NOT NULL,
	"external_id" text,
	CONSTRAINT "benchmark_items_position_uq" UNIQUE("benchmark_id","position")
);
--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"content_hash" text NOT NULL,
	"frozen" boolean DEFAULT true NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmarks_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "eval_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"parse_status" text NOT NULL,
	"raw_output" text,
	"reasoning" text,
	"output_params" jsonb,
	"output_sha" text,
	"metrics" jsonb,
	"sc" real,
	"pq" real,
	"o" real,
	"judge_reasoning" text,
	"rule_reward" jsonb,
	"error" text,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_items_run_item_uq" UNIQUE("run_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "eval_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"benchmark_id" uuid NOT NULL,
	"model_id" uuid,
	"model_name" text NOT NULL,
	"judge_model_name" text,
	"judge_prompt" text,
	"scorer" text DEFAULT 'none' NOT NULL,
	"lpips_endpoint" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"format_failures" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reward_results" (
	"sample_id" text NOT NULL,
	"response_hash" text NOT NULL,
	"model_key" text NOT NULL,
	"overall" real NOT NULL,
	"format" real NOT NULL,
	"grm" real NOT NULL,
	"parse_ok" boolean NOT NULL,
	"render_ok" boolean NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_results_sample_id_response_hash_model_key_pk" PRIMARY KEY("sample_id","response_hash","model_key")
);
--> statement-breakpoint
CREATE TABLE "training_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hash" text NOT NULL,
	"format" text NOT NULL,
	"name" text NOT NULL,
	"snapshot_id" uuid,
	"round_id" uuid,
	"files" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"manifest_key" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_exports_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "training_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid,
	"kind" text NOT NULL,
	"backend" text NOT NULL,
	"engine" text NOT NULL,
	"template_version" text NOT NULL,
	"export_id" uuid,
	"submission_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"entrypoint" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"log_tail" text DEFAULT '' NOT NULL,
	"metrics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checkpoint_uri" text,
	"model_id" uuid,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "training_runs_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "scopes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_instruction_id_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_render_key_renders_cache_key_fk" FOREIGN KEY ("render_key") REFERENCES "public"."renders"("cache_key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_instruction_id_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_strong_id_candidates_id_fk" FOREIGN KEY ("strong_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_weak_id_candidates_id_fk" FOREIGN KEY ("weak_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairs" ADD CONSTRAINT "pairs_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_items" ADD CONSTRAINT "benchmark_items_benchmark_id_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."benchmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_items" ADD CONSTRAINT "benchmark_items_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_items" ADD CONSTRAINT "benchmark_items_source_sha_images_sha256_fk" FOREIGN KEY ("source_sha") REFERENCES "public"."images"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_items" ADD CONSTRAINT "benchmark_items_reference_sha_images_sha256_fk" FOREIGN KEY ("reference_sha") REFERENCES "public"."images"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_items" ADD CONSTRAINT "eval_items_run_id_eval_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."eval_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_items" ADD CONSTRAINT "eval_items_item_id_benchmark_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."benchmark_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_benchmark_id_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."benchmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_exports" ADD CONSTRAINT "training_exports_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_exports" ADD CONSTRAINT "training_exports_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_export_id_training_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."training_exports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidates_instruction_idx" ON "candidates" USING btree ("instruction_id","origin");--> statement-breakpoint
CREATE INDEX "candidates_trajectory_idx" ON "candidates" USING btree ("trajectory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_identity_uq" ON "candidates" USING btree ("trajectory_id","instruction_id","origin","params_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "labels_human_uq" ON "labels" USING btree ("pair_id","user_id") WHERE "labels"."labeler_kind" = 'human';--> statement-breakpoint
CREATE UNIQUE INDEX "labels_model_uq" ON "labels" USING btree ("pair_id","model_name","swapped") WHERE "labels"."labeler_kind" = 'model';--> statement-breakpoint
CREATE INDEX "labels_pair_idx" ON "labels" USING btree ("pair_id");--> statement-breakpoint
CREATE INDEX "labels_user_idx" ON "labels" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pairs_members_uq" ON "pairs" USING btree ("strong_id","weak_id");--> statement-breakpoint
CREATE INDEX "pairs_instruction_idx" ON "pairs" USING btree ("instruction_id");--> statement-breakpoint
CREATE INDEX "pairs_origin_round_idx" ON "pairs" USING btree ("origin","round");--> statement-breakpoint
CREATE INDEX "benchmark_items_trajectory_idx" ON "benchmark_items" USING btree ("trajectory_id") WHERE "benchmark_items"."trajectory_id" is not null;--> statement-breakpoint
CREATE INDEX "eval_runs_benchmark_idx" ON "eval_runs" USING btree ("benchmark_id","created_at");--> statement-breakpoint
CREATE INDEX "training_exports_created_idx" ON "training_exports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "training_runs_round_idx" ON "training_runs" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "training_runs_active_idx" ON "training_runs" USING btree ("status") WHERE "training_runs"."status" in ('pending','submitted','running');