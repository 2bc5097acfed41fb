CREATE TABLE "talents"."mentoring_offer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_user_id" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"occupation_code" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"remote" boolean DEFAULT true NOT NULL,
	"hours_per_month" smallint NOT NULL,
	"capacity" smallint NOT NULL,
	"about" text,
	"about_language" text,
	"status" text DEFAULT 'open' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_offer_mentor_user_id_unique" UNIQUE("mentor_user_id")
);
--> statement-breakpoint
CREATE TABLE "talents"."mentoring_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"mentor_user_id" text NOT NULL,
	"mentee_user_id" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"reason" text,
	"ended_by" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talents"."mentoring_offer" ADD CONSTRAINT "mentoring_offer_mentor_user_id_talent_profile_user_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "talents"."talent_profile"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mentoring_request" ADD CONSTRAINT "mentoring_request_offer_id_mentoring_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "talents"."mentoring_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mentoring_request" ADD CONSTRAINT "mentoring_request_mentor_user_id_user_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mentoring_request" ADD CONSTRAINT "mentoring_request_mentee_user_id_user_id_fk" FOREIGN KEY ("mentee_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentoring_offer_status_idx" ON "talents"."mentoring_offer" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "mentoring_offer_skills_idx" ON "talents"."mentoring_offer" USING gin ("skills");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_request_live_idx" ON "talents"."mentoring_request" USING btree ("offer_id","mentee_user_id") WHERE status in ('requested', 'accepted');--> statement-breakpoint
CREATE INDEX "mentoring_request_mentor_idx" ON "talents"."mentoring_request" USING btree ("mentor_user_id","status");--> statement-breakpoint
CREATE INDEX "mentoring_request_mentee_idx" ON "talents"."mentoring_request" USING btree ("mentee_user_id");