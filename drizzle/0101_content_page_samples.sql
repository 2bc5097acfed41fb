ALTER TABLE "content_page_version" ADD COLUMN "is_sample" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Until now the only versions written by the system in the pre-departure collection were its demo samples
-- (an editor's version keeps its author's name even when the account is gone).
UPDATE "content_page_version" SET "is_sample" = true WHERE "author_user_id" IS NULL AND "author_label" = 'Sharaka' AND "comment" = 'Initial content' AND "page_id" IN (SELECT "id" FROM "content_page" WHERE "collection" = 'jobs.predeparture');
