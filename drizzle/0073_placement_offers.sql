CREATE TABLE "jobs"."placement_agreement_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"file_key" text,
	"file_name" text,
	"bytes" integer,
	"public" boolean DEFAULT false NOT NULL,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_offer" (
	"offer_id" uuid PRIMARY KEY NOT NULL,
	"agreement_id" uuid,
	"lang" text DEFAULT 'fr' NOT NULL,
	"employer_abroad" text,
	"contract_months" smallint,
	"season_starts_on" date,
	"season_ends_on" date,
	"housing" text,
	"travel" text,
	"costs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"handling_unit" text DEFAULT 'division' NOT NULL,
	"counsellor_user_id" text,
	"agency_shares" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs"."job_offer" ALTER COLUMN "region_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs"."job_offer" ADD COLUMN "host_country" text DEFAULT 'MA' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs"."job_offer" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "jobs"."job_offer" ADD COLUMN "salary_currency" text DEFAULT 'MAD' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs"."job_offer" ADD COLUMN "no_worker_fees" boolean;--> statement-breakpoint
ALTER TABLE "jobs"."placement_agreement" ADD COLUMN "economic_sectors" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs"."placement_agreement" ADD COLUMN "quotas_published" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs"."placement_agreement_document" ADD CONSTRAINT "placement_agreement_document_agreement_id_placement_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "jobs"."placement_agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_agreement_document" ADD CONSTRAINT "placement_agreement_document_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_offer" ADD CONSTRAINT "placement_offer_offer_id_job_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "jobs"."job_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_offer" ADD CONSTRAINT "placement_offer_agreement_id_placement_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "jobs"."placement_agreement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_offer" ADD CONSTRAINT "placement_offer_counsellor_user_id_user_id_fk" FOREIGN KEY ("counsellor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_agreement_document_agreement_idx" ON "jobs"."placement_agreement_document" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "placement_offer_agreement_idx" ON "jobs"."placement_offer" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "job_offer_abroad_idx" ON "jobs"."job_offer" USING btree ("host_country","channel") WHERE "jobs"."job_offer"."host_country" <> 'MA';