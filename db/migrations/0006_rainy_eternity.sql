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
ALTER TABLE "training_exports" ADD CONSTRAINT "training_exports_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_exports" ADD CONSTRAINT "training_exports_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_export_id_training_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."training_exports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_exports_created_idx" ON "training_exports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "training_runs_round_idx" ON "training_runs" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "training_runs_active_idx" ON "training_runs" USING btree ("status") WHERE "training_runs"."status" in ('pending','submitted','running');