-- An initiative can be a component, phase or pilot of a larger one (issue 16): SHARAKA and its components.
ALTER TABLE "atlas"."initiative" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "parent_relation" text;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD CONSTRAINT "initiative_parent_id_initiative_id_fk" FOREIGN KEY ("parent_id") REFERENCES "atlas"."initiative"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_parent_idx" ON "atlas"."initiative" USING btree ("parent_id");--> statement-breakpoint
-- A deliverable's type and whether it was out when its source was written.
ALTER TABLE "atlas"."initiative_deliverable" ADD COLUMN "type" text;--> statement-breakpoint
ALTER TABLE "atlas"."initiative_deliverable" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;
