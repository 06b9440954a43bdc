CREATE TABLE "work_slots" (
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"user_id" text,
	"claimed_at" timestamp with time zone,
	"renewed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_slots_kind_item_id_slot_pk" PRIMARY KEY("kind","item_id","slot")
);
--> statement-breakpoint
ALTER TABLE "work_slots" ADD CONSTRAINT "work_slots_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "work_slots_user_item_uq" ON "work_slots" USING btree ("kind","item_id","user_id");--> statement-breakpoint
CREATE INDEX "work_slots_open_idx" ON "work_slots" USING btree ("kind","priority" DESC NULLS LAST,"created_at","item_id","slot") WHERE "work_slots"."done_at" is null;--> statement-breakpoint
CREATE INDEX "work_slots_user_idx" ON "work_slots" USING btree ("user_id","kind");