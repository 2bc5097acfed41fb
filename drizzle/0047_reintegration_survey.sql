CREATE TABLE "return_module"."reintegration_survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"token_hash" text,
	"invited_at" timestamp with time zone,
	"invited_by" text,
	"answers" jsonb,
	"channel" text,
	"entered_by" text,
	"answered_at" timestamp with time zone,
	"economic_score" real,
	"social_score" real,
	"psychosocial_score" real,
	"overall_score" real,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_module"."reintegration_survey" ADD CONSTRAINT "reintegration_survey_case_id_reintegration_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "return_module"."reintegration_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."reintegration_survey" ADD CONSTRAINT "reintegration_survey_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."reintegration_survey" ADD CONSTRAINT "reintegration_survey_entered_by_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reintegration_survey_case_round_idx" ON "return_module"."reintegration_survey" USING btree ("case_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "reintegration_survey_token_idx" ON "return_module"."reintegration_survey" USING btree ("token_hash");