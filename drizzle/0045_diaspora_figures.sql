CREATE TABLE "talents"."diaspora_figure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" text NOT NULL,
	"people" integer NOT NULL,
	"year" smallint NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"note" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "diaspora_figure_source_idx" ON "talents"."diaspora_figure" USING btree ("country","year","source");