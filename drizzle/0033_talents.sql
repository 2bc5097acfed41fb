-- The Talents module (issue #11): talent profiles with consent by level and its history, free skills awaiting review, networks (chapters) by host territory or by skill, their members and announcements.
CREATE SCHEMA "talents";--> statement-breakpoint
CREATE TABLE "talents"."network" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"aim" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"country" text,
	"area" text,
	"skill" text,
	"joining" text DEFAULT 'on_request' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_slug_unique" UNIQUE("slug")
);--> statement-breakpoint
CREATE TABLE "talents"."network_announcement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"author_user_id" text,
	"subject" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" integer
);--> statement-breakpoint
CREATE TABLE "talents"."network_member" (
	"network_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"announcements" boolean DEFAULT true NOT NULL,
	"unsubscribe_token" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "network_member_network_id_user_id_pk" PRIMARY KEY("network_id","user_id")
);--> statement-breakpoint
CREATE TABLE "talents"."skill_suggestion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);--> statement-breakpoint
CREATE TABLE "talents"."talent_consent_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"level" text,
	"card_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "talents"."talent_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"host_country" text NOT NULL,
	"host_city" text,
	"nationalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"origin_region" text,
	"occupation_code" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"experience_years" smallint DEFAULT 0 NOT NULL,
	"education" text,
	"education_details" text,
	"generation" text,
	"contributions" text[] DEFAULT '{}'::text[] NOT NULL,
	"remote_hours_per_month" smallint,
	"mission_windows" text,
	"link" text,
	"consent_level" text,
	"card_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_at" timestamp with time zone,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "talents"."network_announcement" ADD CONSTRAINT "network_announcement_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "talents"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."network_announcement" ADD CONSTRAINT "network_announcement_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."network_member" ADD CONSTRAINT "network_member_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "talents"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."network_member" ADD CONSTRAINT "network_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."network_member" ADD CONSTRAINT "network_member_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."skill_suggestion" ADD CONSTRAINT "skill_suggestion_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."talent_consent_event" ADD CONSTRAINT "talent_consent_event_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."talent_profile" ADD CONSTRAINT "talent_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_kind_idx" ON "talents"."network" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "network_announcement_network_idx" ON "talents"."network_announcement" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "network_member_user_idx" ON "talents"."network_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "network_member_status_idx" ON "talents"."network_member" USING btree ("network_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "network_member_unsubscribe_idx" ON "talents"."network_member" USING btree ("unsubscribe_token");--> statement-breakpoint
CREATE INDEX "skill_suggestion_status_idx" ON "talents"."skill_suggestion" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "skill_suggestion_user_idx" ON "talents"."skill_suggestion" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "talent_consent_event_user_idx" ON "talents"."talent_consent_event" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "talent_profile_consent_idx" ON "talents"."talent_profile" USING btree ("consent_level","host_country");--> statement-breakpoint
CREATE INDEX "talent_profile_skills_idx" ON "talents"."talent_profile" USING gin ("skills");
