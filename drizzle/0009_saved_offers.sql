CREATE TABLE "job_saved_offer" (
	"user_id" text NOT NULL,
	"offer_id" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_saved_offer_user_id_offer_id_pk" PRIMARY KEY("user_id","offer_id")
);
--> statement-breakpoint
ALTER TABLE "job_saved_offer" ADD CONSTRAINT "job_saved_offer_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_saved_offer" ADD CONSTRAINT "job_saved_offer_offer_id_job_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."job_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_saved_offer_user_saved_idx" ON "job_saved_offer" USING btree ("user_id","saved_at");