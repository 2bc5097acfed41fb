CREATE TABLE "return_module"."assisted_return_scheme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"country" text NOT NULL,
	"operator_organisation_id" uuid,
	"name" jsonb NOT NULL,
	"eligibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"support" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"support_kinds" text[] DEFAULT '{}' NOT NULL,
	"website" text,
	"email" text,
	"phone" text,
	"source_name" text,
	"source_url" text,
	"archived" boolean DEFAULT false NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assisted_return_scheme_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "return_module"."assisted_return_scheme" ADD CONSTRAINT "assisted_return_scheme_operator_organisation_id_organisation_id_fk" FOREIGN KEY ("operator_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."assisted_return_scheme" ADD CONSTRAINT "assisted_return_scheme_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;