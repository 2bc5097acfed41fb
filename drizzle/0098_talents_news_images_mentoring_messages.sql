CREATE TABLE "talents"."mentoring_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_user_id" text,
	"from_mentor" boolean NOT NULL,
	"body" text NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talents"."network_announcement" ADD COLUMN "image_key" text;--> statement-breakpoint
ALTER TABLE "talents"."network_announcement" ADD COLUMN "image" jsonb;--> statement-breakpoint
ALTER TABLE "talents"."mentoring_message" ADD CONSTRAINT "mentoring_message_request_id_mentoring_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "talents"."mentoring_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."mentoring_message" ADD CONSTRAINT "mentoring_message_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentoring_message_request_idx" ON "talents"."mentoring_message" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "mentoring_message_author_idx" ON "talents"."mentoring_message" USING btree ("author_user_id");