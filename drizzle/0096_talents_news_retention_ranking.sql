ALTER TABLE "talents"."network_announcement" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
-- the news published until now were published when they were posted
UPDATE "talents"."network_announcement" SET "published_at" = "created_at" WHERE "published";
--> statement-breakpoint
ALTER TABLE "talents"."mentoring_request" ALTER COLUMN "message" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "talent_profile_occupation_idx" ON "talents"."talent_profile" USING btree ("occupation_code" text_pattern_ops);