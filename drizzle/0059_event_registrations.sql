CREATE TABLE "knowledge"."event_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" text,
	"name" text,
	"email" text,
	"organisation_name" text,
	"category" text NOT NULL,
	"language" text NOT NULL,
	"status" text NOT NULL,
	"check_in_code" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" text,
	"token_hash" text,
	"consent_at" timestamp with time zone NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge"."event" ADD COLUMN "registration_open" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge"."event" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "knowledge"."event_registration" ADD CONSTRAINT "event_registration_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "knowledge"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."event_registration" ADD CONSTRAINT "event_registration_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge"."event_registration" ADD CONSTRAINT "event_registration_checked_in_by_user_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_registration_event_idx" ON "knowledge"."event_registration" USING btree ("event_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registration_code_idx" ON "knowledge"."event_registration" USING btree ("event_id","check_in_code");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registration_token_idx" ON "knowledge"."event_registration" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registration_email_idx" ON "knowledge"."event_registration" USING btree ("event_id",lower("email")) WHERE "knowledge"."event_registration"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "event_registration_user_idx" ON "knowledge"."event_registration" USING btree ("user_id");