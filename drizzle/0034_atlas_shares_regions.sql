-- Issue 17 (rules 2, 3, 4): what the source says about Morocco's share and about supranational regions.
ALTER TABLE "atlas"."initiative" ADD COLUMN "morocco_share" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "country_shares" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "recipient_regions" jsonb DEFAULT '[]'::jsonb NOT NULL;
