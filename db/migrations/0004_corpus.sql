CREATE TABLE "corpus_counts" (
	"status" text NOT NULL,
	"category" text NOT NULL,
	"split" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "corpus_counts_status_category_split_pk" PRIMARY KEY("status","category","split")
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"ref" text,
	"status" text NOT NULL,
	"reason" text,
	"trajectory_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_rows_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"source" text NOT NULL,
	"root" text NOT NULL,
	"manifest_path" text,
	"total" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "instructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"variant" text NOT NULL,
	"text" text NOT NULL,
	"reasoning" text DEFAULT '' NOT NULL,
	"model_id" text,
	"model_name" text NOT NULL,
	"backend" text NOT NULL,
	"prompt_version" text NOT NULL,
	"status" text DEFAULT 'in_review' NOT NULL,
	"filter_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructions_version_variant_uq" UNIQUE("trajectory_id","version","variant")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instruction_id" uuid NOT NULL,
	"reviewer_id" text,
	"decision" text NOT NULL,
	"comment" text,
	"edited_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshot_items" (
	"snapshot_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"params_hash" text NOT NULL,
	"split" text NOT NULL,
	"category" text NOT NULL,
	CONSTRAINT "snapshot_items_snapshot_id_trajectory_id_pk" PRIMARY KEY("snapshot_id","trajectory_id")
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hash" text NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"item_count" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "snapshots_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "params_hash" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "content_key" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "status" text DEFAULT 'imported' NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "category_reason" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "has_local_corrections" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "target_rendered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "fidelity_l1" real;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "fidelity_delta_e" real;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "excluded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_instruction_id_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_items" ADD CONSTRAINT "snapshot_items_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_items" ADD CONSTRAINT "snapshot_items_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instructions_status_idx" ON "instructions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "instructions_text_trgm_idx" ON "instructions" USING gin ("text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "reviews_instruction_idx" ON "reviews" USING btree ("instruction_id","created_at");--> statement-breakpoint
CREATE INDEX "trajectories_keyset_idx" ON "trajectories" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trajectories_status_keyset_idx" ON "trajectories" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trajectories_split_keyset_idx" ON "trajectories" USING btree ("split","category","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trajectories_import_idx" ON "trajectories" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "trajectories_local_idx" ON "trajectories" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "trajectories"."has_local_corrections";--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_content_key_unique" UNIQUE("content_key");