DROP TABLE "jobs"."agency_referral" CASCADE;--> statement-breakpoint
DROP TABLE "jobs"."agency_referral_event" CASCADE;