ALTER TABLE "knowledge"."document" ADD COLUMN "text_pages_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge"."document" ADD COLUMN "text_pages_total" integer;--> statement-breakpoint
ALTER TABLE "knowledge"."document" ADD COLUMN "text_claim" uuid;--> statement-breakpoint
ALTER TABLE "knowledge"."document" ADD COLUMN "text_claimed_at" timestamp with time zone;--> statement-breakpoint
-- Written by hand: the documents already read count their pages as done.
UPDATE "knowledge"."document" d SET "text_pages_done" = p.n, "text_pages_total" = p.n
FROM (SELECT "document_id", count(*)::int AS n FROM "knowledge"."document_page" GROUP BY "document_id") p
WHERE p."document_id" = d."id" AND d."text_status" = 'done';
