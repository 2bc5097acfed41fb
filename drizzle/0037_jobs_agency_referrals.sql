CREATE TABLE "jobs"."agency_referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_user_id" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
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
CREATE TABLE "jobs"."agency_referral_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"side" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs"."agency_referral" ADD CONSTRAINT "agency_referral_person_user_id_user_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."agency_referral" ADD CONSTRAINT "agency_referral_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "jobs"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."agency_referral" ADD CONSTRAINT "agency_referral_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."agency_referral" ADD CONSTRAINT "agency_referral_staff_user_id_user_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."agency_referral_event" ADD CONSTRAINT "agency_referral_event_referral_id_agency_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "jobs"."agency_referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_referral_agency_idx" ON "jobs"."agency_referral" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "agency_referral_organisation_idx" ON "jobs"."agency_referral" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "agency_referral_person_idx" ON "jobs"."agency_referral" USING btree ("person_user_id");--> statement-breakpoint
CREATE INDEX "agency_referral_event_referral_idx" ON "jobs"."agency_referral_event" USING btree ("referral_id","at");