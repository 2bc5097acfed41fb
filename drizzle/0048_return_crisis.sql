CREATE TABLE "return_module"."crisis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"countries" text[] NOT NULL,
	"areas" text,
	"started_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"contacts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"retention_days" integer NOT NULL,
	"opened_by" text,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"purged_at" timestamp with time zone,
	"summary" jsonb,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crisis_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "return_module"."crisis_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"crisis_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"token_hash" text NOT NULL,
	"by_relative" boolean DEFAULT false NOT NULL,
	"relative_name" text,
	"name" text NOT NULL,
	"people_count" integer DEFAULT 1 NOT NULL,
	"other_people" text,
	"phone" text,
	"email" text,
	"country" text NOT NULL,
	"city" text NOT NULL,
	"needs" text[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"status" text DEFAULT 'registered' NOT NULL,
	"relay_organisation_id" uuid,
	"last_safe_at" timestamp with time zone,
	"duplicate_of" uuid,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_module"."crisis_registration_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"relay_organisation_id" uuid,
	"actor_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_module"."crisis" ADD CONSTRAINT "crisis_opened_by_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."crisis" ADD CONSTRAINT "crisis_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."crisis_registration" ADD CONSTRAINT "crisis_registration_crisis_id_crisis_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "return_module"."crisis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."crisis_registration" ADD CONSTRAINT "crisis_registration_relay_organisation_id_organisation_id_fk" FOREIGN KEY ("relay_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."crisis_registration_event" ADD CONSTRAINT "crisis_registration_event_registration_id_crisis_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "return_module"."crisis_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."crisis_registration_event" ADD CONSTRAINT "crisis_registration_event_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_registration_token_idx" ON "return_module"."crisis_registration" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_registration_reference_idx" ON "return_module"."crisis_registration" USING btree ("crisis_id","reference");--> statement-breakpoint
CREATE INDEX "crisis_registration_crisis_idx" ON "return_module"."crisis_registration" USING btree ("crisis_id","status","city");--> statement-breakpoint
CREATE INDEX "crisis_registration_phone_idx" ON "return_module"."crisis_registration" USING btree ("crisis_id","phone");--> statement-breakpoint
CREATE INDEX "crisis_registration_email_idx" ON "return_module"."crisis_registration" USING btree ("crisis_id","email");--> statement-breakpoint
CREATE INDEX "crisis_registration_event_idx" ON "return_module"."crisis_registration_event" USING btree ("registration_id","at");