ALTER TABLE "talents"."mission" ADD COLUMN "initiative" text;--> statement-breakpoint
CREATE INDEX "mission_region_status_idx" ON "talents"."mission" USING btree ("region","status","status_at");