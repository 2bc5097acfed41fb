CREATE TABLE "return_module"."crisis_place" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"crisis_id" uuid NOT NULL,
	"name" text NOT NULL,
	"spellings" text[] DEFAULT '{}' NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_module"."crisis_place" ADD CONSTRAINT "crisis_place_crisis_id_crisis_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "return_module"."crisis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."crisis_place" ADD CONSTRAINT "crisis_place_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_place_name_idx" ON "return_module"."crisis_place" USING btree ("crisis_id",lower("name"));