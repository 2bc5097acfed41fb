CREATE TABLE "atlas_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file_size" integer NOT NULL,
	"iati_version" text,
	"publisher" text,
	"user_id" text,
	"organisation_id" uuid,
	"language" text DEFAULT 'fr' NOT NULL,
	"headers" jsonb,
	"mapping" jsonb,
	"hxl" boolean DEFAULT false NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"to_process" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"applied_by" jsonb,
	"failure" text,
	"heartbeat_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atlas_import_activity" (
	"import_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"identifier" text,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"preview" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"draft" jsonb,
	"cells" jsonb,
	"state" text DEFAULT 'new' NOT NULL,
	"known_initiative_id" uuid,
	"known_slug" text,
	"pending_proposal_id" uuid,
	"concerns_morocco" boolean DEFAULT true NOT NULL,
	"severity_rank" integer DEFAULT 3 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duplicates" jsonb,
	"chosen" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"result_initiative_id" uuid,
	"result_slug" text,
	"result_proposal_id" uuid,
	"result_error" jsonb,
	"applied_at" timestamp with time zone,
	CONSTRAINT "atlas_import_activity_import_id_position_pk" PRIMARY KEY("import_id","position")
);
--> statement-breakpoint
CREATE TABLE "atlas_import_organisation_ref" (
	"ref" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "atlas_import" ADD CONSTRAINT "atlas_import_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_import" ADD CONSTRAINT "atlas_import_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_import_activity" ADD CONSTRAINT "atlas_import_activity_import_id_atlas_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."atlas_import"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_import_organisation_ref" ADD CONSTRAINT "atlas_import_organisation_ref_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "atlas_import_user_idx" ON "atlas_import" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "atlas_import_created_idx" ON "atlas_import" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "atlas_import_activity_order_idx" ON "atlas_import_activity" USING btree ("import_id","severity_rank","position");--> statement-breakpoint
CREATE INDEX "atlas_import_activity_identifier_idx" ON "atlas_import_activity" USING btree ("identifier");