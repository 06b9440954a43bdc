CREATE TABLE "models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"backend" text NOT NULL,
	"endpoint" text,
	"served_model" text,
	"pixel_budget" integer DEFAULT 1003520 NOT NULL,
	"concurrency" integer DEFAULT 8 NOT NULL,
	"prompt_version" text DEFAULT 'v1' NOT NULL,
	"temperature" real DEFAULT 0 NOT NULL,
	"max_tokens" integer DEFAULT 4096 NOT NULL,
	"timeout_ms" integer DEFAULT 120000 NOT NULL,
	"max_retries" integer DEFAULT 3 NOT NULL,
	"format_retries" integer DEFAULT 2 NOT NULL,
	"image_transport" text DEFAULT 'data' NOT NULL,
	"image_url_template" text,
	"structured_output" boolean DEFAULT true NOT NULL,
	"extra_body" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"api_key_env" text,
	"api_key_encrypted" text,
	"active" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "models_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "inference_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"role" text NOT NULL,
	"model_id" uuid,
	"model_name" text NOT NULL,
	"backend" text NOT NULL,
	"prompt_id" text NOT NULL,
	"prompt_version" text NOT NULL,
	"temperature" real NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"latency_ms" integer NOT NULL,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"inputs" jsonb NOT NULL,
	"raw_output" text,
	"reasoning" text,
	"parsed" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inference_calls" ADD CONSTRAINT "inference_calls_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "models_one_active_per_role" ON "models" USING btree ("role") WHERE "models"."active";--> statement-breakpoint
CREATE INDEX "models_role_idx" ON "models" USING btree ("role");--> statement-breakpoint
CREATE INDEX "inference_calls_hash_idx" ON "inference_calls" USING btree ("request_hash","status");--> statement-breakpoint
CREATE INDEX "inference_calls_role_created_idx" ON "inference_calls" USING btree ("role","created_at");