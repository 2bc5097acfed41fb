CREATE TABLE "jobs"."placement_campaign" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"lang" text DEFAULT 'fr' NOT NULL,
	"host_country" text NOT NULL,
	"host_region" text NOT NULL,
	"channel" text NOT NULL,
	"offer_id" uuid,
	"agreement_id" uuid,
	"positions" integer NOT NULL,
	"season_starts_on" date,
	"season_ends_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_campaign_quota" (
	"campaign_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"positions" integer NOT NULL,
	CONSTRAINT "placement_campaign_quota_campaign_id_agency_id_pk" PRIMARY KEY("campaign_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_candidate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"agency_id" uuid,
	"stage" text DEFAULT 'registered' NOT NULL,
	"stage_on" date,
	"exit_reason" text,
	"exited_at" timestamp with time zone,
	"eligible_next_season" boolean,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_candidate_person_uq" UNIQUE("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_candidate_move" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"exit_reason" text,
	"event_on" date,
	"announced" boolean DEFAULT false NOT NULL,
	"batch_id" uuid NOT NULL,
	"by_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_quota_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"from_agency_id" uuid,
	"to_agency_id" uuid,
	"positions" integer NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs"."placement_campaign" ADD CONSTRAINT "placement_campaign_offer_id_job_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "jobs"."job_offer"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_campaign" ADD CONSTRAINT "placement_campaign_agreement_id_placement_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "jobs"."placement_agreement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_campaign_quota" ADD CONSTRAINT "placement_campaign_quota_campaign_id_placement_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "jobs"."placement_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_campaign_quota" ADD CONSTRAINT "placement_campaign_quota_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "jobs"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate" ADD CONSTRAINT "placement_candidate_campaign_id_placement_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "jobs"."placement_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate" ADD CONSTRAINT "placement_candidate_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate" ADD CONSTRAINT "placement_candidate_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "jobs"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate" ADD CONSTRAINT "placement_candidate_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate_move" ADD CONSTRAINT "placement_candidate_move_candidate_id_placement_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "jobs"."placement_candidate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate_move" ADD CONSTRAINT "placement_candidate_move_by_user_id_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_quota_change" ADD CONSTRAINT "placement_quota_change_campaign_id_placement_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "jobs"."placement_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_quota_change" ADD CONSTRAINT "placement_quota_change_from_agency_id_agency_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "jobs"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_quota_change" ADD CONSTRAINT "placement_quota_change_to_agency_id_agency_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "jobs"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_quota_change" ADD CONSTRAINT "placement_quota_change_by_user_id_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_campaign_offer_idx" ON "jobs"."placement_campaign" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "placement_campaign_quota_agency_idx" ON "jobs"."placement_campaign_quota" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "placement_candidate_stage_idx" ON "jobs"."placement_candidate" USING btree ("campaign_id","stage","agency_id","id");--> statement-breakpoint
CREATE INDEX "placement_candidate_agency_idx" ON "jobs"."placement_candidate" USING btree ("campaign_id","agency_id","id");--> statement-breakpoint
CREATE INDEX "placement_candidate_user_idx" ON "jobs"."placement_candidate" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "placement_candidate_move_candidate_idx" ON "jobs"."placement_candidate_move" USING btree ("candidate_id","at");--> statement-breakpoint
CREATE INDEX "placement_quota_change_campaign_idx" ON "jobs"."placement_quota_change" USING btree ("campaign_id","at");