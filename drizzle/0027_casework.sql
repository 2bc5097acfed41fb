-- Casework becomes a platform capability (ADR 0010, src/platform/casework): the Jobs counsellors'
-- notes, appointments and referrals (schema jobs) move into public tables that every module's caseload
-- shares. Each row keeps its id (the audit trail's follow_up_note, appointment and referral events still
-- find it), names its caseload (jobs.agencies) and its team (the agency). A referral's steps taken by the
-- agency are the team's side now.
CREATE TABLE "case_appointment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"caseload" text NOT NULL,
	"team_id" uuid NOT NULL,
	"person_user_id" text NOT NULL,
	"staff_user_id" text,
	"staff_label" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"caseload" text NOT NULL,
	"team_id" uuid NOT NULL,
	"person_user_id" text NOT NULL,
	"author_user_id" text,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"caseload" text NOT NULL,
	"team_id" uuid NOT NULL,
	"person_user_id" text NOT NULL,
	"entry_id" uuid NOT NULL,
	"staff_user_id" text,
	"staff_label" text NOT NULL,
	"message" text NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_referral_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"side" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_appointment" ADD CONSTRAINT "case_appointment_person_user_id_user_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_appointment" ADD CONSTRAINT "case_appointment_staff_user_id_user_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_note" ADD CONSTRAINT "case_note_person_user_id_user_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_note" ADD CONSTRAINT "case_note_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_person_user_id_user_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_entry_id_directory_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."directory_entry"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_staff_user_id_user_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral_event" ADD CONSTRAINT "case_referral_event_referral_id_case_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."case_referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_appointment_person_idx" ON "case_appointment" USING btree ("person_user_id","starts_at");--> statement-breakpoint
CREATE INDEX "case_appointment_team_idx" ON "case_appointment" USING btree ("caseload","team_id","starts_at");--> statement-breakpoint
CREATE INDEX "case_note_person_idx" ON "case_note" USING btree ("person_user_id","caseload","team_id","created_at");--> statement-breakpoint
CREATE INDEX "case_referral_person_idx" ON "case_referral" USING btree ("person_user_id","created_at");--> statement-breakpoint
CREATE INDEX "case_referral_entry_idx" ON "case_referral" USING btree ("entry_id","created_at");--> statement-breakpoint
CREATE INDEX "case_referral_team_idx" ON "case_referral" USING btree ("caseload","team_id","created_at");--> statement-breakpoint
CREATE INDEX "case_referral_event_referral_idx" ON "case_referral_event" USING btree ("referral_id","at");--> statement-breakpoint
INSERT INTO "case_note" ("id", "caseload", "team_id", "person_user_id", "author_user_id", "author_label", "body", "is_sample", "created_at")
	SELECT "id", 'jobs.agencies', "agency_id", "seeker_user_id", "author_user_id", "author_label", "body", "is_sample", "created_at" FROM "jobs"."follow_up_note";--> statement-breakpoint
INSERT INTO "case_appointment" ("id", "caseload", "team_id", "person_user_id", "staff_user_id", "staff_label", "starts_at", "mode", "purpose", "status", "is_sample", "created_at", "updated_at")
	SELECT "id", 'jobs.agencies', "agency_id", "seeker_user_id", "counsellor_user_id", "counsellor_label", "starts_at", "mode", "purpose", "status", "is_sample", "created_at", "updated_at" FROM "jobs"."appointment";--> statement-breakpoint
INSERT INTO "case_referral" ("id", "caseload", "team_id", "person_user_id", "entry_id", "staff_user_id", "staff_label", "message", "agreed_at", "status", "status_changed_at", "is_sample", "created_at")
	SELECT "id", 'jobs.agencies', "agency_id", "seeker_user_id", "programme_id", "counsellor_user_id", "counsellor_label", "message", "agreed_at", "status", "status_changed_at", "is_sample", "created_at" FROM "jobs"."referral";--> statement-breakpoint
INSERT INTO "case_referral_event" ("id", "referral_id", "status", "side", "at")
	SELECT "id", "referral_id", "status", CASE "side" WHEN 'counsellor' THEN 'team' ELSE "side" END, "at" FROM "jobs"."referral_event";--> statement-breakpoint
DROP TABLE "jobs"."referral_event";--> statement-breakpoint
DROP TABLE "jobs"."referral";--> statement-breakpoint
DROP TABLE "jobs"."appointment";--> statement-breakpoint
DROP TABLE "jobs"."follow_up_note";
