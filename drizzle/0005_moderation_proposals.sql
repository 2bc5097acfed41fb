CREATE TABLE "initiative_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"author_user_id" text,
	"author_organisation_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid,
	"base_version" integer,
	"data" jsonb NOT NULL,
	"comment" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposer_user_id" text,
	"proposer_organisation_id" uuid,
	"reviewer_user_id" text,
	"review_reason" text,
	"published_version" integer,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiative_message" ADD CONSTRAINT "initiative_message_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_message" ADD CONSTRAINT "initiative_message_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_message" ADD CONSTRAINT "initiative_message_author_organisation_id_organisation_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_proposal" ADD CONSTRAINT "initiative_proposal_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_proposal" ADD CONSTRAINT "initiative_proposal_proposer_user_id_user_id_fk" FOREIGN KEY ("proposer_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_proposal" ADD CONSTRAINT "initiative_proposal_proposer_organisation_id_organisation_id_fk" FOREIGN KEY ("proposer_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_proposal" ADD CONSTRAINT "initiative_proposal_reviewer_user_id_user_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_message_initiative_idx" ON "initiative_message" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE INDEX "initiative_proposal_status_idx" ON "initiative_proposal" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "initiative_proposal_initiative_idx" ON "initiative_proposal" USING btree ("initiative_id");