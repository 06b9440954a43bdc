CREATE TABLE "round_accuracy" (
	"round_id" uuid NOT NULL,
	"set" text NOT NULL,
	"n" integer NOT NULL,
	"accuracy" real NOT NULL,
	"lo" real NOT NULL,
	"hi" real NOT NULL,
	"position_bias" real DEFAULT 0 NOT NULL,
	"random_baseline" real NOT NULL,
	"bigger_change_baseline" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_accuracy_round_id_set_pk" PRIMARY KEY("round_id","set")
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"previous_round_id" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"step" text DEFAULT 'export' NOT NULL,
	"steps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot_id" uuid,
	"backend" text DEFAULT 'local' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reward_export_id" uuid,
	"policy_export_id" uuid,
	"reward_run_id" uuid,
	"policy_run_id" uuid,
	"reward_model_id" uuid,
	"policy_model_id" uuid,
	"policy_score" real,
	"policy_score_lo" real,
	"policy_score_hi" real,
	"policy_score_n" integer,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rounds_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "checkpoint_uri" text;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "round" integer;--> statement-breakpoint
ALTER TABLE "round_accuracy" ADD CONSTRAINT "round_accuracy_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rounds_status_idx" ON "rounds" USING btree ("status");