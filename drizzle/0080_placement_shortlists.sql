CREATE TABLE "jobs"."placement_identity_consent" (
	"user_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "placement_identity_consent_user_id_organisation_id_pk" PRIMARY KEY("user_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_partner_decision" (
	"candidate_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"feedback" text,
	"feedback_lang" text,
	"by_user_id" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_partner_decision_candidate_id_organisation_id_pk" PRIMARY KEY("candidate_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "jobs"."placement_identity_consent" ADD CONSTRAINT "placement_identity_consent_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_identity_consent" ADD CONSTRAINT "placement_identity_consent_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_partner_decision" ADD CONSTRAINT "placement_partner_decision_candidate_id_placement_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "jobs"."placement_candidate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_partner_decision" ADD CONSTRAINT "placement_partner_decision_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_partner_decision" ADD CONSTRAINT "placement_partner_decision_by_user_id_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_identity_consent_org_idx" ON "jobs"."placement_identity_consent" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "placement_partner_decision_org_idx" ON "jobs"."placement_partner_decision" USING btree ("organisation_id");