-- A concertation body belongs to a country (issue #13, item 5): the bodies written before were all Morocco's.
ALTER TABLE "strategy"."concertation_body" ADD COLUMN "country" text NOT NULL DEFAULT 'MA';--> statement-breakpoint
ALTER TABLE "strategy"."concertation_body" ALTER COLUMN "country" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "concertation_body_country_idx" ON "strategy"."concertation_body" USING btree ("country","region");--> statement-breakpoint
ALTER TABLE "strategy"."concertation_body" ADD CONSTRAINT "concertation_body_region_of_country" CHECK (starts_with("region", "country" || '-'));
