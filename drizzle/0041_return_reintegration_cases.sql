CREATE TABLE "return_module"."reintegration_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_module"."reintegration_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_organisation_id" uuid NOT NULL,
	"person_user_id" text NOT NULL,
	"consent_purpose" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_recorded_by" text,
	"return_date" date NOT NULL,
	"host_country" text NOT NULL,
	"scheme" text,
	"region_code" text NOT NULL,
	"province_code" text,
	"commune" text,
	"household_size" integer DEFAULT 1 NOT NULL,
	"needs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"closed_at" timestamp with time zone,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_module"."reintegration_action" ADD CONSTRAINT "reintegration_action_case_id_reintegration_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "return_module"."reintegration_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."reintegration_case" ADD CONSTRAINT "reintegration_case_operator_organisation_id_organisation_id_fk" FOREIGN KEY ("operator_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."reintegration_case" ADD CONSTRAINT "reintegration_case_person_user_id_user_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."reintegration_case" ADD CONSTRAINT "reintegration_case_consent_recorded_by_user_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reintegration_action_case_idx" ON "return_module"."reintegration_action" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reintegration_case_operator_person_idx" ON "return_module"."reintegration_case" USING btree ("operator_organisation_id","person_user_id");--> statement-breakpoint
CREATE INDEX "reintegration_case_person_idx" ON "return_module"."reintegration_case" USING btree ("person_user_id");