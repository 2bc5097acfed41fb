-- Moderation of proposals becomes the platform's (src/platform/moderation, ADR 0011), for the Atlas's
-- initiatives today (collection atlas.initiatives) and Talents' missions and Knowledge's documents next.
-- Proposals, discussion messages and drafts keep their ids, so the audit trail (initiative_proposal.*,
-- atlas_draft.*) still finds them. subject_id has no foreign key (the platform does not know the modules'
-- tables): the Atlas removes an initiative's proposals and messages when it deletes the initiative.
CREATE TABLE "moderation_proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection" text NOT NULL,
	"subject_id" uuid,
	"base_version" integer,
	"data" jsonb NOT NULL,
	"comment" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposer_user_id" text,
	"proposer_organisation_id" uuid,
	"reviewer_user_id" text,
	"review_reason" text,
	"published_version" integer,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"author_user_id" text,
	"author_organisation_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_draft" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection" text NOT NULL,
	"user_id" text NOT NULL,
	"resume_path" text NOT NULL,
	"values" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "moderation_proposal" ADD CONSTRAINT "moderation_proposal_proposer_user_id_user_id_fk" FOREIGN KEY ("proposer_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_proposal" ADD CONSTRAINT "moderation_proposal_proposer_organisation_id_organisation_id_fk" FOREIGN KEY ("proposer_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_proposal" ADD CONSTRAINT "moderation_proposal_reviewer_user_id_user_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_message" ADD CONSTRAINT "moderation_message_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_message" ADD CONSTRAINT "moderation_message_author_organisation_id_organisation_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_draft" ADD CONSTRAINT "moderation_draft_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_proposal_collection_status_idx" ON "moderation_proposal" USING btree ("collection","status","created_at");--> statement-breakpoint
CREATE INDEX "moderation_proposal_subject_idx" ON "moderation_proposal" USING btree ("collection","subject_id");--> statement-breakpoint
CREATE INDEX "moderation_message_subject_idx" ON "moderation_message" USING btree ("collection","subject_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_draft_user_idx" ON "moderation_draft" USING btree ("user_id","collection","updated_at");--> statement-breakpoint
INSERT INTO "moderation_proposal" ("collection", "id", "subject_id", "base_version", "data", "comment", "status", "proposer_user_id", "proposer_organisation_id", "reviewer_user_id", "review_reason", "published_version", "reviewed_at", "created_at")
	SELECT 'atlas.initiatives', "id", "initiative_id", "base_version", "data", "comment", "status", "proposer_user_id", "proposer_organisation_id", "reviewer_user_id", "review_reason", "published_version", "reviewed_at", "created_at" FROM "atlas"."initiative_proposal";--> statement-breakpoint
INSERT INTO "moderation_message" ("collection", "id", "subject_id", "author_user_id", "author_organisation_id", "body", "created_at")
	SELECT 'atlas.initiatives', "id", "initiative_id", "author_user_id", "author_organisation_id", "body", "created_at" FROM "atlas"."initiative_message";--> statement-breakpoint
INSERT INTO "moderation_draft" ("collection", "id", "user_id", "resume_path", "values", "created_at", "updated_at")
	SELECT 'atlas.initiatives', "id", "user_id", "resume_path", "values", "created_at", "updated_at" FROM "atlas"."atlas_proposal_draft";--> statement-breakpoint
DROP TABLE "atlas"."initiative_proposal";--> statement-breakpoint
DROP TABLE "atlas"."initiative_message";--> statement-breakpoint
DROP TABLE "atlas"."atlas_proposal_draft";
