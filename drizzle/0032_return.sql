CREATE SCHEMA "return_module";
--> statement-breakpoint
CREATE TABLE "return_module"."pension_agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"agreement" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"transfers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"where_to_ask" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_name" text,
	"source_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "pension_agreement_country_code_unique" UNIQUE("country_code")
);
--> statement-breakpoint
CREATE TABLE "return_module"."checklist" (
	"user_id" text PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"ticked" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_module"."pension_agreement" ADD CONSTRAINT "pension_agreement_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "return_module"."checklist" ADD CONSTRAINT "checklist_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "return_module"."network_member" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"is_sample" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_module"."network_member" ADD CONSTRAINT "network_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "return_module"."network_member" ADD CONSTRAINT "network_member_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "return_module"."network_member" ADD CONSTRAINT "network_member_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;
