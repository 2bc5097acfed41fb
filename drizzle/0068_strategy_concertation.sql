CREATE TABLE "strategy"."concertation_body" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"region" text NOT NULL,
	"name" jsonb NOT NULL,
	"terms_of_reference" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"original_language" text DEFAULT 'fr' NOT NULL,
	"established_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"strategy_id" uuid,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concertation_body_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "strategy"."concertation_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"since" date,
	"until" date,
	CONSTRAINT "concertation_member_unique" UNIQUE("body_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "strategy"."recommendation" ADD COLUMN "kind" text DEFAULT 'recommendation' NOT NULL;--> statement-breakpoint
ALTER TABLE "strategy"."recommendation" ADD COLUMN "concertation_body_id" uuid;--> statement-breakpoint
ALTER TABLE "strategy"."recommendation" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "strategy"."recommendation" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "strategy"."concertation_body" ADD CONSTRAINT "concertation_body_strategy_id_strategy_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "strategy"."strategy"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."concertation_body" ADD CONSTRAINT "concertation_body_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."concertation_member" ADD CONSTRAINT "concertation_member_body_id_concertation_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "strategy"."concertation_body"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."concertation_member" ADD CONSTRAINT "concertation_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concertation_body_region_idx" ON "strategy"."concertation_body" USING btree ("region");--> statement-breakpoint
CREATE INDEX "concertation_member_organisation_idx" ON "strategy"."concertation_member" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "strategy"."recommendation" ADD CONSTRAINT "recommendation_concertation_body_id_concertation_body_id_fk" FOREIGN KEY ("concertation_body_id") REFERENCES "strategy"."concertation_body"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."recommendation" ADD CONSTRAINT "recommendation_meeting_id_workspace_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."workspace_meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendation_body_idx" ON "strategy"."recommendation" USING btree ("concertation_body_id");--> statement-breakpoint
CREATE INDEX "recommendation_meeting_idx" ON "strategy"."recommendation" USING btree ("meeting_id");