-- An initiative can be a component, phase or pilot of a larger one (issue 16): SHARAKA and its components.
ALTER TABLE "atlas"."initiative" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "parent_relation" text;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD CONSTRAINT "initiative_parent_id_initiative_id_fk" FOREIGN KEY ("parent_id") REFERENCES "atlas"."initiative"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_parent_idx" ON "atlas"."initiative" USING btree ("parent_id");--> statement-breakpoint
-- A deliverable's type and whether it was out when its source was written.
ALTER TABLE "atlas"."initiative_deliverable" ADD COLUMN "type" text;--> statement-breakpoint
ALTER TABLE "atlas"."initiative_deliverable" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;
--> statement-breakpoint
-- Analysis, not only inventory: results, lessons, an evaluation, and the moderators' "good practice to redeploy".
ALTER TABLE "atlas"."initiative" ADD COLUMN "results" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "lessons" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "evaluation" jsonb;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "good_practice_reason" jsonb;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "good_practice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "good_practice_by" text;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD CONSTRAINT "initiative_good_practice_by_user_id_fk" FOREIGN KEY ("good_practice_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_good_practice_idx" ON "atlas"."initiative" USING btree ("good_practice_at");
--> statement-breakpoint
-- Partner regions abroad as places (the Région de Kayes…), not only as organisations.
ALTER TABLE "atlas"."initiative" ADD COLUMN "foreign_places" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
-- Directories: the organisations funding a service (the ministry's funding of associations' programmes, issue 16).
ALTER TABLE "directory_entry" ADD COLUMN "funder_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE INDEX "directory_entry_funders_idx" ON "directory_entry" USING gin ("funder_ids");
--> statement-breakpoint
-- Casework: what a person is referred for (employment, health, psychosocial support…), issue 16.
ALTER TABLE "case_referral" ADD COLUMN "kind" text DEFAULT 'employment' NOT NULL;
