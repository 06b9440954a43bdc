CREATE TABLE "renders" (
	"cache_key" text PRIMARY KEY NOT NULL,
	"source_sha" text NOT NULL,
	"canonical_params" text NOT NULL,
	"engine_version" integer NOT NULL,
	"size" text NOT NULL,
	"output_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"not_rendered" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "renders" ADD CONSTRAINT "renders_source_sha_images_sha256_fk" FOREIGN KEY ("source_sha") REFERENCES "public"."images"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "renders_source_idx" ON "renders" USING btree ("source_sha");