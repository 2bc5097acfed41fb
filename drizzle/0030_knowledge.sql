CREATE SCHEMA "knowledge";
--> statement-breakpoint
CREATE TABLE "knowledge"."document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"authors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organisations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"year" integer,
	"published_on" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"initiatives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"licence" text,
	"file" jsonb,
	"file_key" text,
	"external_url" text,
	"recommendations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_stems" "tsvector" GENERATED ALWAYS AS ((to_tsvector('french'::regconfig, search_text) || to_tsvector('arabic'::regconfig, search_text))) STORED,
	"text_status" text DEFAULT 'none' NOT NULL,
	"text_error" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "knowledge"."document_page" (
	"document_id" uuid NOT NULL,
	"page" integer NOT NULL,
	"text" text NOT NULL,
	"stems" "tsvector" GENERATED ALWAYS AS ((to_tsvector('french'::regconfig, search_normalise(text)) || to_tsvector('arabic'::regconfig, search_normalise(text)))) STORED NOT NULL,
	CONSTRAINT "document_page_document_id_page_pk" PRIMARY KEY("document_id","page")
);
--> statement-breakpoint
CREATE TABLE "knowledge"."document_version" (
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"author_user_id" text,
	"author_organisation_id" uuid,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_version_document_id_number_pk" PRIMARY KEY("document_id","number")
);
--> statement-breakpoint
ALTER TABLE "knowledge"."document_page" ADD CONSTRAINT "document_page_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "knowledge"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."document_version" ADD CONSTRAINT "document_version_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "knowledge"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."document_version" ADD CONSTRAINT "document_version_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."document_version" ADD CONSTRAINT "document_version_author_organisation_id_organisation_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_year_idx" ON "knowledge"."document" USING btree ("year");--> statement-breakpoint
CREATE INDEX "document_search_trgm_idx" ON "knowledge"."document" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "document_search_stems_idx" ON "knowledge"."document" USING gin ("search_stems");--> statement-breakpoint
CREATE INDEX "document_text_pending_idx" ON "knowledge"."document" USING btree ("text_status");--> statement-breakpoint
CREATE INDEX "document_page_stems_idx" ON "knowledge"."document_page" USING gin ("stems");--> statement-breakpoint
CREATE INDEX "document_version_author_idx" ON "knowledge"."document_version" USING btree ("author_user_id");--> statement-breakpoint
-- French words without their accents (unaccent, then the French stemmer): the library's snippets mark
-- "féminines" for a query "feminines" (ts_headline parses the page as written).
CREATE TEXT SEARCH CONFIGURATION "knowledge"."french_unaccent" (COPY = pg_catalog.french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "knowledge"."french_unaccent" ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;
