CREATE TABLE "review_disputes" (
	"trajectory_id" uuid PRIMARY KEY NOT NULL,
	"instruction_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "work_settings" (
	"kind" text PRIMARY KEY NOT NULL,
	"overlap" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "instructions" ADD COLUMN "final_text" text;--> statement-breakpoint
ALTER TABLE "instructions" ADD COLUMN "final_reasoning" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "trajectory_id" uuid;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "stage" text DEFAULT 'annotation' NOT NULL;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "base_text" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "edited_reasoning" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "edit_bad" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "review_disputes" ADD CONSTRAINT "review_disputes_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_disputes" ADD CONSTRAINT "review_disputes_resolved_by_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reviews_reviewer_idx" ON "reviews" USING btree ("reviewer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_one_per_reviewer_uq" ON "reviews" USING btree ("instruction_id","reviewer_id","stage");