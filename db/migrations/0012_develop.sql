CREATE TABLE "trajectory_edits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"params" jsonb NOT NULL,
	"params_hash" text NOT NULL,
	"based_on" uuid,
	"engine_version" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectory_edits_version_uq" UNIQUE("trajectory_id","version")
);
--> statement-breakpoint
ALTER TABLE "trajectory_edits" ADD CONSTRAINT "trajectory_edits_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_edits" ADD CONSTRAINT "trajectory_edits_based_on_trajectory_edits_id_fk" FOREIGN KEY ("based_on") REFERENCES "public"."trajectory_edits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_edits" ADD CONSTRAINT "trajectory_edits_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trajectory_edits_trajectory_idx" ON "trajectory_edits" USING btree ("trajectory_id","version" DESC NULLS LAST);