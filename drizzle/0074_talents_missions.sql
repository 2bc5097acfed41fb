CREATE TABLE "talents"."mission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"context" jsonb NOT NULL,
	"region" text NOT NULL,
	"sector" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"occupation_code" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mode" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"duration_days" smallint,
	"remote_hours_per_month" smallint,
	"travel_covered" boolean DEFAULT false NOT NULL,
	"stay_covered" boolean DEFAULT false NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"status_at" timestamp with time zone DEFAULT now() NOT NULL,
	"report" jsonb,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "talents"."mission_candidate" (
	"mission_id" uuid NOT NULL,
	"talent_user_id" text NOT NULL,
	"interested" boolean DEFAULT false NOT NULL,
	"interest_note" text,
	"interest_at" timestamp with time zone,
	"shortlisted" boolean DEFAULT false NOT NULL,
	"shortlisted_at" timestamp with time zone,
	"contact" text,
	"contact_at" timestamp with time zone,
	"contact_answered_at" timestamp with time zone,
	"selected" boolean DEFAULT false NOT NULL,
	"selected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_candidate_mission_id_talent_user_id_pk" PRIMARY KEY("mission_id","talent_user_id")
);
--> statement-breakpoint
CREATE TABLE "talents"."mission_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_user_id" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents"."mission_feedback" (
	"mission_id" uuid NOT NULL,
	"talent_user_id" text NOT NULL,
	"from_talent" boolean NOT NULL,
	"author_user_id" text,
	"rating" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_feedback_mission_id_talent_user_id_from_talent_pk" PRIMARY KEY("mission_id","talent_user_id","from_talent")
);
--> statement-breakpoint
CREATE TABLE "talents"."mission_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"talent_user_id" text NOT NULL,
	"from_talent" boolean NOT NULL,
	"author_user_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents"."mission_version" (
	"mission_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"author_user_id" text,
	"author_organisation_id" uuid,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_version_mission_id_number_pk" PRIMARY KEY("mission_id","number")
);
--> statement-breakpoint
CREATE TABLE "talents"."talent_profile_view" (
	"talent_user_id" text NOT NULL,
	"mission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"views" integer DEFAULT 1 NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talents"."mission" ADD CONSTRAINT "mission_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_candidate" ADD CONSTRAINT "mission_candidate_mission_id_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "talents"."mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_candidate" ADD CONSTRAINT "mission_candidate_talent_user_id_user_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_event" ADD CONSTRAINT "mission_event_mission_id_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "talents"."mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_event" ADD CONSTRAINT "mission_event_by_user_id_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_feedback" ADD CONSTRAINT "mission_feedback_mission_id_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "talents"."mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_feedback" ADD CONSTRAINT "mission_feedback_talent_user_id_user_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_feedback" ADD CONSTRAINT "mission_feedback_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_message" ADD CONSTRAINT "mission_message_mission_id_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "talents"."mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_message" ADD CONSTRAINT "mission_message_talent_user_id_user_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_message" ADD CONSTRAINT "mission_message_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_version" ADD CONSTRAINT "mission_version_mission_id_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "talents"."mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_version" ADD CONSTRAINT "mission_version_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mission_version" ADD CONSTRAINT "mission_version_author_organisation_id_organisation_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."talent_profile_view" ADD CONSTRAINT "talent_profile_view_talent_user_id_user_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."talent_profile_view" ADD CONSTRAINT "talent_profile_view_mission_id_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "talents"."mission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mission_status_idx" ON "talents"."mission" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "mission_organisation_idx" ON "talents"."mission" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "mission_skills_idx" ON "talents"."mission" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "mission_candidate_talent_idx" ON "talents"."mission_candidate" USING btree ("talent_user_id");--> statement-breakpoint
CREATE INDEX "mission_event_mission_idx" ON "talents"."mission_event" USING btree ("mission_id","at");--> statement-breakpoint
CREATE INDEX "mission_feedback_talent_idx" ON "talents"."mission_feedback" USING btree ("talent_user_id");--> statement-breakpoint
CREATE INDEX "mission_message_thread_idx" ON "talents"."mission_message" USING btree ("mission_id","talent_user_id","created_at");--> statement-breakpoint
CREATE INDEX "mission_message_talent_idx" ON "talents"."mission_message" USING btree ("talent_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_profile_view_idx" ON "talents"."talent_profile_view" USING btree ("talent_user_id","mission_id","kind");--> statement-breakpoint
CREATE INDEX "talent_profile_view_mission_idx" ON "talents"."talent_profile_view" USING btree ("mission_id");