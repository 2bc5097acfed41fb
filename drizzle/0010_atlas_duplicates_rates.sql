ALTER TABLE "atlas_exchange_rate" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "atlas_exchange_rate" ADD COLUMN "checked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "initiative_title_fr_trgm_idx" ON "initiative" USING gin (search_normalise("title"->>'fr') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "initiative_title_ar_trgm_idx" ON "initiative" USING gin (search_normalise("title"->>'ar') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "initiative_title_en_trgm_idx" ON "initiative" USING gin (search_normalise("title"->>'en') gin_trgm_ops);