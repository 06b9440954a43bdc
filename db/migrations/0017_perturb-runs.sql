CREATE TABLE "perturb_runs" (
	"instruction_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"completed_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"error" text,
	"failed_at" timestamp with time zone,
	CONSTRAINT "perturb_runs_instruction_id_round_pk" PRIMARY KEY("instruction_id","round")
);
--> statement-breakpoint
ALTER TABLE "perturb_runs" ADD CONSTRAINT "perturb_runs_instruction_id_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Instructions perturbed before this table: the sweeper took a strong ("user") candidate to mean done.
INSERT INTO "perturb_runs" ("instruction_id", "round", "completed_at")
SELECT DISTINCT "instruction_id", 1, now() FROM "candidates" WHERE "origin" = 'user' AND "instruction_id" IS NOT NULL
ON CONFLICT DO NOTHING;
