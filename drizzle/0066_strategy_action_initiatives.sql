CREATE TABLE "strategy"."action_initiative" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"initiative" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"note_language" text,
	"proposed_by" text,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"reason_language" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	CONSTRAINT "action_initiative_unique" UNIQUE("node_id","initiative")
);
--> statement-breakpoint
ALTER TABLE "strategy"."action_initiative" ADD CONSTRAINT "action_initiative_node_id_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "strategy"."node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."action_initiative" ADD CONSTRAINT "action_initiative_proposed_by_user_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."action_initiative" ADD CONSTRAINT "action_initiative_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_initiative_status_idx" ON "strategy"."action_initiative" USING btree ("status");--> statement-breakpoint
CREATE INDEX "action_initiative_initiative_idx" ON "strategy"."action_initiative" USING btree ("initiative");