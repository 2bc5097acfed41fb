CREATE TABLE "jobs"."placement_statistics_archive" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"country" text NOT NULL,
	"sector" text NOT NULL,
	"channel" text NOT NULL,
	"agency" text NOT NULL,
	"region" text NOT NULL,
	"sex" text NOT NULL,
	"year" text NOT NULL,
	"is_sample" boolean NOT NULL,
	"people" integer NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs"."placement_campaign" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs"."placement_campaign" ADD COLUMN "pipeline_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate_move" ADD COLUMN "corrects_move_id" uuid;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate_move" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate_move" ADD CONSTRAINT "placement_candidate_move_corrects_move_id_placement_candidate_move_id_fk" FOREIGN KEY ("corrects_move_id") REFERENCES "jobs"."placement_candidate_move"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_candidate_move" ADD CONSTRAINT "placement_candidate_move_corrects_uq" UNIQUE("corrects_move_id");