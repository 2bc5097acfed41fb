-- The joint platform's pooled statistics read every case and every answered survey round: narrow
-- covering indexes let PostgreSQL read them without the wide rows (raw answers, needs, consent).
-- Written by hand: drizzle's index builder has no INCLUDE.
CREATE INDEX IF NOT EXISTS "reintegration_survey_statistics_idx" ON "return_module"."reintegration_survey" ("case_id") INCLUDE ("round", "economic_score", "social_score", "psychosocial_score", "overall_score") WHERE "answered_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reintegration_case_statistics_idx" ON "return_module"."reintegration_case" ("id") INCLUDE ("region_code", "host_country", "operator_organisation_id", "scheme_id", "scheme", "closed_at");
