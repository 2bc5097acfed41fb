CREATE TABLE "job_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"user_id" text,
	"message" text,
	"shared_at" timestamp with time zone,
	"status" text DEFAULT 'submitted' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_application_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_saved_search" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"query" jsonb NOT NULL,
	"alert" boolean DEFAULT true NOT NULL,
	"last_alert_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seeker_consent_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"scope" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seeker_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"phone" text,
	"city" text,
	"nationality" text NOT NULL,
	"residence_status" text NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education" text DEFAULT 'none' NOT NULL,
	"education_details" text,
	"experience_years" smallint DEFAULT 0 NOT NULL,
	"experience" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"occupation_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"place_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text DEFAULT 'immediately' NOT NULL,
	"available_from" date,
	"consent_scope" text,
	"consent_at" timestamp with time zone,
	"cv_file" text,
	"cv_size" integer,
	"cv_uploaded_at" timestamp with time zone,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_offer_id_job_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."job_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application_event" ADD CONSTRAINT "job_application_event_application_id_job_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."job_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_saved_search" ADD CONSTRAINT "job_saved_search_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_consent_event" ADD CONSTRAINT "seeker_consent_event_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_profile" ADD CONSTRAINT "seeker_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_application_offer_user_idx" ON "job_application" USING btree ("offer_id","user_id");--> statement-breakpoint
CREATE INDEX "job_application_user_idx" ON "job_application" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "job_application_offer_idx" ON "job_application" USING btree ("offer_id","created_at");--> statement-breakpoint
CREATE INDEX "job_application_event_application_idx" ON "job_application_event" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "job_saved_search_user_idx" ON "job_saved_search" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "seeker_consent_event_user_idx" ON "seeker_consent_event" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "seeker_profile_consent_idx" ON "seeker_profile" USING btree ("consent_scope");