CREATE TABLE "atlas"."atlas_import_organisation_match" (
	"import_id" uuid NOT NULL,
	"key" text NOT NULL,
	"ref" text,
	"name" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"via" text NOT NULL,
	"decision" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "atlas_import_organisation_match_import_id_key_pk" PRIMARY KEY("import_id","key")
);
--> statement-breakpoint
ALTER TABLE "atlas"."atlas_import_organisation_match" ADD CONSTRAINT "atlas_import_organisation_match_import_id_atlas_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "atlas"."atlas_import"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas"."atlas_import_organisation_match" ADD CONSTRAINT "atlas_import_organisation_match_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "atlas_import_organisation_match_key_idx" ON "atlas"."atlas_import_organisation_match" USING btree ("key","decision");