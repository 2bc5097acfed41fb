CREATE TABLE "case_team_referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"caseload" text NOT NULL,
	"team_id" uuid NOT NULL,
	"person_user_id" text NOT NULL,
	"sender_organisation_id" uuid NOT NULL,
	"staff_user_id" text,
	"staff_label" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_team_referral_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"side" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_team_referral" ADD CONSTRAINT "case_team_referral_person_user_id_user_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_referral" ADD CONSTRAINT "case_team_referral_sender_organisation_id_organisation_id_fk" FOREIGN KEY ("sender_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_referral" ADD CONSTRAINT "case_team_referral_staff_user_id_user_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_referral_event" ADD CONSTRAINT "case_team_referral_event_referral_id_case_team_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."case_team_referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_team_referral_team_idx" ON "case_team_referral" USING btree ("caseload","team_id","created_at");--> statement-breakpoint
CREATE INDEX "case_team_referral_sender_idx" ON "case_team_referral" USING btree ("sender_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "case_team_referral_person_idx" ON "case_team_referral" USING btree ("person_user_id");--> statement-breakpoint
CREATE INDEX "case_team_referral_event_referral_idx" ON "case_team_referral_event" USING btree ("referral_id","at");--> statement-breakpoint
-- Associations' referrals to an ANAPEC agency (jobs, 0037) become the platform's referrals to a team of the
-- agencies' caseload, ids and values as they were; the association's steps are the sender's side now.
INSERT INTO "case_team_referral" ("id", "caseload", "team_id", "person_user_id", "sender_organisation_id", "staff_user_id", "staff_label", "kind", "message", "agreed_at", "status", "status_changed_at", "is_sample", "created_at")
	SELECT "id", 'jobs.agencies', "agency_id", "person_user_id", "organisation_id", "staff_user_id", "staff_label", "kind", "message", "agreed_at", "status", "status_changed_at", "is_sample", "created_at" FROM "jobs"."agency_referral";--> statement-breakpoint
INSERT INTO "case_team_referral_event" ("id", "referral_id", "status", "side", "at")
	SELECT "id", "referral_id", "status", CASE "side" WHEN 'association' THEN 'sender' ELSE 'team' END, "at" FROM "jobs"."agency_referral_event";
