CREATE TABLE "knowledge"."survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"intro" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"event_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"public_link" boolean DEFAULT false NOT NULL,
	"results_public" boolean DEFAULT false NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"reported" jsonb,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "knowledge"."survey_answer" (
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"choices" text[],
	"scale" integer,
	"text" text,
	CONSTRAINT "survey_answer_response_id_question_id_pk" PRIMARY KEY("response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge"."survey_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"email" text,
	"registration_id" uuid,
	"user_id" text,
	"language" text NOT NULL,
	"token_hash" text,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "knowledge"."survey_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"label" jsonb NOT NULL,
	"help" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scale_min" integer,
	"scale_max" integer,
	"scale_min_label" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scale_max_label" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"condition" jsonb,
	"reported" jsonb
);
--> statement-breakpoint
CREATE TABLE "knowledge"."survey_respondent" (
	"survey_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"answered_on" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_respondent_survey_id_user_id_pk" PRIMARY KEY("survey_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge"."survey_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"user_id" text,
	"invitation_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge"."survey" ADD CONSTRAINT "survey_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "knowledge"."event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey" ADD CONSTRAINT "survey_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_answer" ADD CONSTRAINT "survey_answer_response_id_survey_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "knowledge"."survey_response"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_answer" ADD CONSTRAINT "survey_answer_question_id_survey_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "knowledge"."survey_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_invitation" ADD CONSTRAINT "survey_invitation_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "knowledge"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_invitation" ADD CONSTRAINT "survey_invitation_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "knowledge"."event_registration"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_invitation" ADD CONSTRAINT "survey_invitation_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_question" ADD CONSTRAINT "survey_question_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "knowledge"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_respondent" ADD CONSTRAINT "survey_respondent_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "knowledge"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_respondent" ADD CONSTRAINT "survey_respondent_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_response" ADD CONSTRAINT "survey_response_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "knowledge"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_response" ADD CONSTRAINT "survey_response_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."survey_response" ADD CONSTRAINT "survey_response_invitation_id_survey_invitation_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "knowledge"."survey_invitation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answer_question_idx" ON "knowledge"."survey_answer" USING btree ("survey_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_token_idx" ON "knowledge"."survey_invitation" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_email_idx" ON "knowledge"."survey_invitation" USING btree ("survey_id",lower("email"));--> statement-breakpoint
CREATE INDEX "survey_invitation_registration_idx" ON "knowledge"."survey_invitation" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "survey_question_survey_idx" ON "knowledge"."survey_question" USING btree ("survey_id","position");--> statement-breakpoint
CREATE INDEX "survey_response_survey_idx" ON "knowledge"."survey_response" USING btree ("survey_id","submitted_at");