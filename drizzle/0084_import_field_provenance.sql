CREATE TABLE "atlas"."atlas_import_field_conflict" (
	"import_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"field" text NOT NULL,
	"initiative_id" uuid NOT NULL,
	"last_import_value" jsonb,
	"atlas_value" jsonb,
	"file_value" jsonb,
	"decision" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "atlas_import_field_conflict_import_id_position_field_pk" PRIMARY KEY("import_id","position","field")
);
--> statement-breakpoint
ALTER TABLE "atlas"."atlas_import_activity" ADD COLUMN "result_version" integer;--> statement-breakpoint
ALTER TABLE "atlas"."atlas_import_activity" ADD COLUMN "result_file_values" jsonb;--> statement-breakpoint
ALTER TABLE "atlas"."atlas_import_field_conflict" ADD CONSTRAINT "atlas_import_field_conflict_import_id_atlas_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "atlas"."atlas_import"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas"."atlas_import_field_conflict" ADD CONSTRAINT "atlas_import_field_conflict_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "atlas"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "atlas_import_field_conflict_pending_idx" ON "atlas"."atlas_import_field_conflict" USING btree ("decision","initiative_id");--> statement-breakpoint
CREATE INDEX "atlas_import_activity_result_idx" ON "atlas"."atlas_import_activity" USING btree ("result_initiative_id","applied_at");