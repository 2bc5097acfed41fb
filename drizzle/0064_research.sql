CREATE TABLE "knowledge"."research_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"text" jsonb NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge"."researcher" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"institution" text,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bio" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"website" text,
	"works" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visible" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "researcher_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "researcher_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "knowledge"."researcher" ADD CONSTRAINT "researcher_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "research_finding_document_idx" ON "knowledge"."research_finding" USING btree ("document","position");--> statement-breakpoint
CREATE INDEX "researcher_visible_idx" ON "knowledge"."researcher" USING btree ("visible");