CREATE TABLE "contact_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"message" text NOT NULL,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" text
);
--> statement-breakpoint
CREATE TABLE "site_information" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"publisher" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"address" text,
	"publication_director" text,
	"contact_email" text,
	"host" text,
	"accessibility_status" text DEFAULT 'partial' NOT NULL,
	"accessibility_audited_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "contact_message" ADD CONSTRAINT "contact_message_handled_by_user_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_information" ADD CONSTRAINT "site_information_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_message_open_idx" ON "contact_message" USING btree ("handled_at","created_at");--> statement-breakpoint
-- one row only: the publisher of this platform
ALTER TABLE "site_information" ADD CONSTRAINT "site_information_single_row" CHECK ("id" = 1);
