CREATE TABLE "strategy"."indicator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"code" text NOT NULL,
	"definition" jsonb NOT NULL,
	"unit" jsonb NOT NULL,
	"level" text NOT NULL,
	"disaggregations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"baseline_value" numeric(18, 4),
	"baseline_year" integer,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_strategy_code" UNIQUE("strategy_id","code")
);
--> statement-breakpoint
CREATE TABLE "strategy"."indicator_target" (
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	CONSTRAINT "indicator_target_indicator_id_year_pk" PRIMARY KEY("indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "strategy"."indicator_value" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"comment" text,
	"evidence_url" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"reporter_id" text,
	"return_reason" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_value_period_region" UNIQUE("indicator_id","year","region")
);
--> statement-breakpoint
CREATE TABLE "strategy"."indicator_value_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"value_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" text,
	"value" numeric(18, 4),
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "strategy"."indicator" ADD CONSTRAINT "indicator_strategy_id_strategy_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "strategy"."strategy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."indicator" ADD CONSTRAINT "indicator_node_id_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "strategy"."node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."indicator_target" ADD CONSTRAINT "indicator_target_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "strategy"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."indicator_value" ADD CONSTRAINT "indicator_value_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "strategy"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."indicator_value" ADD CONSTRAINT "indicator_value_reporter_id_user_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."indicator_value_event" ADD CONSTRAINT "indicator_value_event_value_id_indicator_value_id_fk" FOREIGN KEY ("value_id") REFERENCES "strategy"."indicator_value"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."indicator_value_event" ADD CONSTRAINT "indicator_value_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_node_idx" ON "strategy"."indicator" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "indicator_value_status_idx" ON "strategy"."indicator_value" USING btree ("status");--> statement-breakpoint
CREATE INDEX "indicator_value_event_value_idx" ON "strategy"."indicator_value_event" USING btree ("value_id","at");