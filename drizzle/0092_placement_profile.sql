CREATE TABLE "jobs"."placement_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"sex" text NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs"."placement_profile" ADD CONSTRAINT "placement_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;