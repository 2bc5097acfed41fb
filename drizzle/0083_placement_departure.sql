CREATE TABLE "jobs"."placement_follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"months" integer NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	CONSTRAINT "placement_follow_up_uq" UNIQUE("candidate_id","months")
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"from_candidate_id" uuid,
	"agency_id" uuid,
	"status" text DEFAULT 'invited' NOT NULL,
	"invited_by" text,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"is_sample" boolean DEFAULT false NOT NULL,
	CONSTRAINT "placement_invitation_uq" UNIQUE("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_orientation_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"attended" boolean,
	"attendance_by" text,
	"attendance_at" timestamp with time zone,
	"registered_by" text,
	"reminded_at" timestamp with time zone,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_orientation_registration_uq" UNIQUE("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_orientation_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid,
	"host_country" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 120 NOT NULL,
	"place" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"language" text NOT NULL,
	"waiting_list" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_return" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"season" integer NOT NULL,
	"outcome" text NOT NULL,
	"returned_on" date,
	"early_reason" text,
	"note" text,
	"eligible" boolean,
	"eligibility_by" text,
	"eligibility_at" timestamp with time zone,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	CONSTRAINT "placement_return_candidate_uq" UNIQUE("candidate_id")
);
--> statement-breakpoint
ALTER TABLE "jobs"."placement_follow_up" ADD CONSTRAINT "placement_follow_up_candidate_id_placement_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "jobs"."placement_candidate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_follow_up" ADD CONSTRAINT "placement_follow_up_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_follow_up" ADD CONSTRAINT "placement_follow_up_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_invitation" ADD CONSTRAINT "placement_invitation_campaign_id_placement_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "jobs"."placement_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_invitation" ADD CONSTRAINT "placement_invitation_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_invitation" ADD CONSTRAINT "placement_invitation_from_candidate_id_placement_candidate_id_fk" FOREIGN KEY ("from_candidate_id") REFERENCES "jobs"."placement_candidate"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_invitation" ADD CONSTRAINT "placement_invitation_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "jobs"."agency"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_invitation" ADD CONSTRAINT "placement_invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_orientation_registration" ADD CONSTRAINT "placement_orientation_registration_session_id_placement_orientation_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "jobs"."placement_orientation_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_orientation_registration" ADD CONSTRAINT "placement_orientation_registration_candidate_id_placement_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "jobs"."placement_candidate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_orientation_registration" ADD CONSTRAINT "placement_orientation_registration_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_orientation_registration" ADD CONSTRAINT "placement_orientation_registration_attendance_by_user_id_fk" FOREIGN KEY ("attendance_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_orientation_registration" ADD CONSTRAINT "placement_orientation_registration_registered_by_user_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_orientation_session" ADD CONSTRAINT "placement_orientation_session_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "jobs"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_orientation_session" ADD CONSTRAINT "placement_orientation_session_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_return" ADD CONSTRAINT "placement_return_candidate_id_placement_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "jobs"."placement_candidate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_return" ADD CONSTRAINT "placement_return_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_return" ADD CONSTRAINT "placement_return_campaign_id_placement_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "jobs"."placement_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_return" ADD CONSTRAINT "placement_return_eligibility_by_user_id_fk" FOREIGN KEY ("eligibility_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_return" ADD CONSTRAINT "placement_return_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_follow_up_user_idx" ON "jobs"."placement_follow_up" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "placement_invitation_user_idx" ON "jobs"."placement_invitation" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "placement_orientation_registration_user_idx" ON "jobs"."placement_orientation_registration" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "placement_orientation_registration_candidate_idx" ON "jobs"."placement_orientation_registration" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "placement_orientation_session_country_idx" ON "jobs"."placement_orientation_session" USING btree ("host_country","starts_at");--> statement-breakpoint
CREATE INDEX "placement_orientation_session_agency_idx" ON "jobs"."placement_orientation_session" USING btree ("agency_id","starts_at");--> statement-breakpoint
CREATE INDEX "placement_return_campaign_idx" ON "jobs"."placement_return" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "placement_return_user_idx" ON "jobs"."placement_return" USING btree ("user_id");