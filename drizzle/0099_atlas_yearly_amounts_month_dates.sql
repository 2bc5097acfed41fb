CREATE TABLE "atlas"."initiative_yearly_amount" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"organisation_id" uuid,
	"year" integer NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"currency" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "planned_start_precision" text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "planned_end_precision" text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "actual_start_precision" text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "actual_end_precision" text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "budget_second_amount" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "atlas"."initiative" ADD COLUMN "budget_second_currency" text;--> statement-breakpoint
ALTER TABLE "atlas"."initiative_organisation" ADD COLUMN "second_amount" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "atlas"."initiative_organisation" ADD COLUMN "second_currency" text;--> statement-breakpoint
ALTER TABLE "atlas"."initiative_source" ADD COLUMN "published_precision" text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "atlas"."initiative_yearly_amount" ADD CONSTRAINT "initiative_yearly_amount_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "atlas"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas"."initiative_yearly_amount" ADD CONSTRAINT "initiative_yearly_amount_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_yearly_amount_initiative_idx" ON "atlas"."initiative_yearly_amount" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_yearly_amount_org_idx" ON "atlas"."initiative_yearly_amount" USING btree ("organisation_id");