-- The support programmes become the platform's directory entries (src/platform/directory, collection
-- jobs.programmes), which Return's support network will share. Every programme keeps its id, so referrals
-- (now pointing at directory_entry) and the audit trail (resource type support_programme) still find it.
CREATE TABLE "directory_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"services" text[] NOT NULL,
	"cities" text[] NOT NULL,
	"regions" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"website" text,
	"status" text DEFAULT 'active' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "directory_entry" ADD CONSTRAINT "directory_entry_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_entry_collection_organisation_idx" ON "directory_entry" USING btree ("collection","organisation_id");--> statement-breakpoint
CREATE INDEX "directory_entry_services_idx" ON "directory_entry" USING gin ("services");--> statement-breakpoint
CREATE INDEX "directory_entry_regions_idx" ON "directory_entry" USING gin ("regions");--> statement-breakpoint
CREATE INDEX "directory_entry_search_idx" ON "directory_entry" USING gin (search_normalise("search_text") gin_trgm_ops);--> statement-breakpoint
INSERT INTO "directory_entry" ("collection", "id", "organisation_id", "name", "description", "eligibility", "services", "cities", "regions", "languages", "phone", "email", "address", "website", "status", "is_sample", "search_text", "created_at", "updated_at")
	SELECT 'jobs.programmes', "id", "organisation_id", "name", "description", "eligibility", "services", "cities", "regions", "languages", "phone", "email", "address", "website", "status", "is_sample", "search_text", "created_at", "updated_at" FROM "jobs"."support_programme";--> statement-breakpoint
ALTER TABLE "jobs"."referral" DROP CONSTRAINT "referral_programme_id_support_programme_id_fk";--> statement-breakpoint
ALTER TABLE "jobs"."referral" ADD CONSTRAINT "referral_programme_id_directory_entry_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."directory_entry"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
DROP TABLE "jobs"."support_programme";
