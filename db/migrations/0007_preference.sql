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
CREATE INDEX "candidates_instruction_idx" ON "candidates" USING btree ("instruction_id","origin");--> statement-breakpoint
CREATE INDEX "candidates_trajectory_idx" ON "candidates" USING btree ("trajectory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_identity_uq" ON "candidates" USING btree ("trajectory_id","instruction_id","origin","params_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "labels_human_uq" ON "labels" USING btree ("pair_id","user_id") WHERE "labels"."labeler_kind" = 'human';--> statement-breakpoint
CREATE UNIQUE INDEX "labels_model_uq" ON "labels" USING btree ("pair_id","model_name","swapped") WHERE "labels"."labeler_kind" = 'model';--> statement-breakpoint
CREATE INDEX "labels_pair_idx" ON "labels" USING btree ("pair_id");--> statement-breakpoint
CREATE INDEX "labels_user_idx" ON "labels" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pairs_members_uq" ON "pairs" USING btree ("strong_id","weak_id");--> statement-breakpoint
CREATE INDEX "pairs_instruction_idx" ON "pairs" USING btree ("instruction_id");--> statement-breakpoint
CREATE INDEX "pairs_origin_round_idx" ON "pairs" USING btree ("origin","round");