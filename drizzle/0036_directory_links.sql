ALTER TABLE "directory_entry" ADD COLUMN "links" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "directory_entry_links_idx" ON "directory_entry" USING gin ("links");