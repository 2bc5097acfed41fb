CREATE TABLE "case_need" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"caseload" text NOT NULL,
	"team_id" uuid NOT NULL,
	"person_user_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_on" date,
	"note" text DEFAULT '' NOT NULL,
	"by_user_id" text,
	"by_label" text NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs"."placement_case_assignment" (
	"person_user_id" text PRIMARY KEY NOT NULL,
	"counsellor_user_id" text,
	"way" text NOT NULL,
	"by_user_id" text,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_need" ADD CONSTRAINT "case_need_person_user_id_user_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_need" ADD CONSTRAINT "case_need_by_user_id_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_case_assignment" ADD CONSTRAINT "placement_case_assignment_person_user_id_user_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_case_assignment" ADD CONSTRAINT "placement_case_assignment_counsellor_user_id_user_id_fk" FOREIGN KEY ("counsellor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs"."placement_case_assignment" ADD CONSTRAINT "placement_case_assignment_by_user_id_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_need_person_idx" ON "case_need" USING btree ("person_user_id","caseload","team_id");--> statement-breakpoint
CREATE INDEX "case_need_team_idx" ON "case_need" USING btree ("caseload","team_id","status");--> statement-breakpoint
CREATE INDEX "placement_case_assignment_counsellor_idx" ON "jobs"."placement_case_assignment" USING btree ("counsellor_user_id");