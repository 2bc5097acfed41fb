CREATE TABLE "strategy"."recommendation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"text" jsonb NOT NULL,
	"original_language" text DEFAULT 'fr' NOT NULL,
	"horizon" text NOT NULL,
	"owner_organisation_id" uuid,
	"due_year" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text,
	"source_citation" text,
	"created_by" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy"."recommendation_action" (
	"recommendation_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	CONSTRAINT "recommendation_action_recommendation_id_node_id_pk" PRIMARY KEY("recommendation_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "strategy"."recommendation_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"note_language" text,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "strategy"."recommendation" ADD CONSTRAINT "recommendation_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."recommendation" ADD CONSTRAINT "recommendation_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."recommendation_action" ADD CONSTRAINT "recommendation_action_recommendation_id_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "strategy"."recommendation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."recommendation_action" ADD CONSTRAINT "recommendation_action_node_id_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "strategy"."node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."recommendation_event" ADD CONSTRAINT "recommendation_event_recommendation_id_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "strategy"."recommendation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."recommendation_event" ADD CONSTRAINT "recommendation_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendation_status_idx" ON "strategy"."recommendation" USING btree ("status","horizon");--> statement-breakpoint
CREATE INDEX "recommendation_source_idx" ON "strategy"."recommendation" USING btree ("source");--> statement-breakpoint
CREATE INDEX "recommendation_action_node_idx" ON "strategy"."recommendation_action" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "recommendation_event_idx" ON "strategy"."recommendation_event" USING btree ("recommendation_id","at");