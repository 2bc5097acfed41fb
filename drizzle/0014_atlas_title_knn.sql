DROP INDEX "initiative_title_fr_trgm_idx";--> statement-breakpoint
DROP INDEX "initiative_title_ar_trgm_idx";--> statement-breakpoint
DROP INDEX "initiative_title_en_trgm_idx";--> statement-breakpoint
CREATE INDEX "initiative_title_fr_gist_idx" ON "initiative" USING gist (search_normalise("title"->>'fr') gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "initiative_title_ar_gist_idx" ON "initiative" USING gist (search_normalise("title"->>'ar') gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "initiative_title_en_gist_idx" ON "initiative" USING gist (search_normalise("title"->>'en') gist_trgm_ops);