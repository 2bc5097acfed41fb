CREATE TABLE "agency" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text,
	"address" text,
	"phone" text,
	"email" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "agency_counsellor" (
	"agency_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_counsellor_agency_id_user_id_pk" PRIMARY KEY("agency_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "appointment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_user_id" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"counsellor_user_id" text,
	"counsellor_label" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_user_id" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"author_user_id" text,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_user_id" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"counsellor_user_id" text,
	"counsellor_label" text NOT NULL,
	"message" text NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"side" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seeker_agency" (
	"user_id" text PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_counsellor" ADD CONSTRAINT "agency_counsellor_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_counsellor" ADD CONSTRAINT "agency_counsellor_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_seeker_user_id_user_id_fk" FOREIGN KEY ("seeker_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_counsellor_user_id_user_id_fk" FOREIGN KEY ("counsellor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_note" ADD CONSTRAINT "follow_up_note_seeker_user_id_user_id_fk" FOREIGN KEY ("seeker_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_note" ADD CONSTRAINT "follow_up_note_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_note" ADD CONSTRAINT "follow_up_note_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_seeker_user_id_user_id_fk" FOREIGN KEY ("seeker_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_programme_id_support_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."support_programme"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_counsellor_user_id_user_id_fk" FOREIGN KEY ("counsellor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_agency" ADD CONSTRAINT "seeker_agency_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_agency" ADD CONSTRAINT "seeker_agency_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_counsellor_user_idx" ON "agency_counsellor" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "appointment_seeker_idx" ON "appointment" USING btree ("seeker_user_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_agency_idx" ON "appointment" USING btree ("agency_id","starts_at");--> statement-breakpoint
CREATE INDEX "follow_up_note_seeker_idx" ON "follow_up_note" USING btree ("seeker_user_id","agency_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_seeker_idx" ON "referral" USING btree ("seeker_user_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_programme_idx" ON "referral" USING btree ("programme_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_agency_idx" ON "referral" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_event_referral_idx" ON "referral_event" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "seeker_agency_agency_idx" ON "seeker_agency" USING btree ("agency_id");