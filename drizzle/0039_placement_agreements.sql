CREATE TABLE "jobs"."placement_agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text,
	"kind" text DEFAULT 'agreement' NOT NULL,
	"organisation_id" uuid,
	"partner_name" text NOT NULL,
	"sector" text NOT NULL,
	"host_country" text NOT NULL,
	"title" text NOT NULL,
	"lang" text DEFAULT 'fr' NOT NULL,
	"summary" text,
	"starts_on" date,
	"ends_on" date,
	"occupation_codes" text[] DEFAULT '{}' NOT NULL,
	"quotas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"source" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_agreement_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "jobs"."placement_agreement" ADD CONSTRAINT "placement_agreement_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_agreement_country_idx" ON "jobs"."placement_agreement" USING btree ("host_country");