-- Each module's tables move into a PostgreSQL schema named after the module (issue #8, docs/architecture.md):
-- `atlas` and `jobs`; the platform's (accounts, organisations, audit, site, rate limits) stay in public.
-- SET SCHEMA keeps every row, index, constraint, trigger, generated column and sequence as it is; foreign
-- keys follow their tables. Connections search public then the modules' schemas (src/platform/db/database.ts),
-- so raw SQL naming a table alone still finds it.
CREATE SCHEMA IF NOT EXISTS "atlas";--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "jobs";--> statement-breakpoint
ALTER TABLE "public"."atlas_exchange_rate" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."atlas_import" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."atlas_import_activity" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."atlas_import_organisation_ref" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."atlas_proposal_draft" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."atlas_province" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."atlas_region" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."initiative" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."initiative_deliverable" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."initiative_message" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."initiative_organisation" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."initiative_proposal" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."initiative_province" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."initiative_region" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."initiative_source" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."initiative_version" SET SCHEMA "atlas";--> statement-breakpoint
ALTER TABLE "public"."agency" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."agency_counsellor" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."appointment" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."follow_up_note" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."job_application" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."job_application_event" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."job_employer" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."job_offer" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."job_saved_offer" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."job_saved_search" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."occupation" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."referral" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."referral_event" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."rights_page" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."rights_page_version" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."seeker_agency" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."seeker_consent_event" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."seeker_profile" SET SCHEMA "jobs";--> statement-breakpoint
ALTER TABLE "public"."support_programme" SET SCHEMA "jobs";
