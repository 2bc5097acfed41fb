CREATE SCHEMA "strategy";
--> statement-breakpoint
CREATE TABLE "strategy"."budget_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"funding_source" text NOT NULL,
	"currency" text DEFAULT 'MAD' NOT NULL,
	"planned" numeric(16, 2) DEFAULT 0 NOT NULL,
	"committed" numeric(16, 2) DEFAULT 0 NOT NULL,
	"executed" numeric(16, 2) DEFAULT 0 NOT NULL,
	"note" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_line_node_year_source" UNIQUE("node_id","year","funding_source")
);
--> statement-breakpoint
CREATE TABLE "strategy"."node" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"original_language" text DEFAULT 'fr' NOT NULL,
	"lead_organisation_id" uuid,
	"period_start" integer,
	"period_end" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"national" boolean DEFAULT false NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy"."node_partner" (
	"node_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "node_partner_node_id_organisation_id_pk" PRIMARY KEY("node_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "strategy"."node_region" (
	"node_id" uuid NOT NULL,
	"region" text NOT NULL,
	CONSTRAINT "node_region_node_id_region_pk" PRIMARY KEY("node_id","region")
);
--> statement-breakpoint
CREATE TABLE "strategy"."node_tag" (
	"node_id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "node_tag_node_id_scheme_code_pk" PRIMARY KEY("node_id","scheme","code")
);
--> statement-breakpoint
CREATE TABLE "strategy"."strategy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"country" text NOT NULL,
	"owner_organisation_id" uuid,
	"period_start" integer,
	"period_end" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "strategy"."budget_line" ADD CONSTRAINT "budget_line_node_id_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "strategy"."node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."node" ADD CONSTRAINT "node_strategy_id_strategy_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "strategy"."strategy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."node" ADD CONSTRAINT "node_parent_id_node_id_fk" FOREIGN KEY ("parent_id") REFERENCES "strategy"."node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."node" ADD CONSTRAINT "node_lead_organisation_id_organisation_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."node_partner" ADD CONSTRAINT "node_partner_node_id_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "strategy"."node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."node_partner" ADD CONSTRAINT "node_partner_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."node_region" ADD CONSTRAINT "node_region_node_id_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "strategy"."node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."node_tag" ADD CONSTRAINT "node_tag_node_id_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "strategy"."node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."strategy" ADD CONSTRAINT "strategy_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy"."strategy" ADD CONSTRAINT "strategy_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_line_node_idx" ON "strategy"."budget_line" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "node_strategy_idx" ON "strategy"."node" USING btree ("strategy_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "node_parent_idx" ON "strategy"."node" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "node_region_region_idx" ON "strategy"."node_region" USING btree ("region");