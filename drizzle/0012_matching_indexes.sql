ALTER TABLE "seeker_profile" ADD COLUMN "match_occupation_groups" text[] GENERATED ALWAYS AS (matching_occupation_groups(occupation_codes)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "seeker_profile" ADD COLUMN "match_skill_keys" text[] GENERATED ALWAYS AS (matching_skill_keys(skills)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "job_offer_match_skills_idx" ON "job_offer" USING gin (matching_skill_keys("skills"));--> statement-breakpoint
CREATE INDEX "seeker_profile_match_groups_idx" ON "seeker_profile" USING gin ("match_occupation_groups");--> statement-breakpoint
CREATE INDEX "seeker_profile_match_skills_idx" ON "seeker_profile" USING gin ("match_skill_keys");