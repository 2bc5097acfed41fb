-- The rights and procedures pages become the platform's versioned content pages (src/platform/content,
-- collection jobs.rights), which Return's guides and Placement's pre-departure pages will share. Every page
-- and version moves with its id, so the audit trail (resource type rights_page) still points at them.
CREATE TABLE "content_page" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection" text NOT NULL,
	"slug" text NOT NULL,
	"topic" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "content_page_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"reviewed_on" date NOT NULL,
	"author_user_id" text,
	"author_label" text NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "content_page_version" ADD CONSTRAINT "content_page_version_page_id_content_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."content_page"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_page_version" ADD CONSTRAINT "content_page_version_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_page_collection_slug_idx" ON "content_page" USING btree ("collection","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "content_page_version_page_version_idx" ON "content_page_version" USING btree ("page_id","version");--> statement-breakpoint
INSERT INTO "content_page" ("id", "collection", "slug", "topic", "position", "created_at")
	SELECT "id", 'jobs.rights', "slug", "topic", "position", "created_at" FROM "jobs"."rights_page";--> statement-breakpoint
INSERT INTO "content_page_version" ("id", "page_id", "version", "title", "summary", "body", "steps", "sources", "reviewed_on", "author_user_id", "author_label", "comment", "created_at")
	SELECT "id", "page_id", "version", "title", "summary", "body", "steps", "sources", "reviewed_on", "author_user_id", "author_label", "comment", "created_at" FROM "jobs"."rights_page_version";--> statement-breakpoint
DROP TABLE "jobs"."rights_page_version";--> statement-breakpoint
DROP TABLE "jobs"."rights_page";
