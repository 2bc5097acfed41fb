CREATE TABLE "atlas_province" (
	"iso" text PRIMARY KEY NOT NULL,
	"hcp" text NOT NULL,
	"region_iso" text NOT NULL,
	"type" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"population_2024" integer
);
--> statement-breakpoint
CREATE TABLE "atlas_region" (
	"iso" text PRIMARY KEY NOT NULL,
	"hcp" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"population_2024" integer
);
--> statement-breakpoint
CREATE TABLE "atlas_exchange_rate" (
	"currency" text NOT NULL,
	"year" integer NOT NULL,
	"per_eur" numeric(14, 6) NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "atlas_exchange_rate_currency_year_pk" PRIMARY KEY("currency","year")
);
--> statement-breakpoint
CREATE TABLE "initiative" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"start_year" integer,
	"end_year" integer,
	"national_scope" boolean DEFAULT false NOT NULL,
	"communes" text,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"budget_total" numeric(16, 2),
	"budget_currency" text,
	"budget_eur" numeric(16, 2),
	"budget_mad" numeric(18, 2),
	"contact" text,
	"website" text,
	"iati_identifier" text,
	"last_verified_on" date,
	"is_sample" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_document" text GENERATED ALWAYS AS (search_normalise(search_text)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_deliverable" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"url" text
);
--> statement-breakpoint
CREATE TABLE "initiative_organisation" (
	"initiative_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"amount" numeric(16, 2),
	"currency" text,
	"amount_eur" numeric(16, 2),
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "initiative_organisation_initiative_id_organisation_id_role_pk" PRIMARY KEY("initiative_id","organisation_id","role")
);
--> statement-breakpoint
CREATE TABLE "initiative_province" (
	"initiative_id" uuid NOT NULL,
	"province_iso" text NOT NULL,
	CONSTRAINT "initiative_province_initiative_id_province_iso_pk" PRIMARY KEY("initiative_id","province_iso")
);
--> statement-breakpoint
CREATE TABLE "initiative_region" (
	"initiative_id" uuid NOT NULL,
	"region_iso" text NOT NULL,
	CONSTRAINT "initiative_region_initiative_id_region_iso_pk" PRIMARY KEY("initiative_id","region_iso")
);
--> statement-breakpoint
CREATE TABLE "initiative_source" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"citation" text NOT NULL,
	"url" text,
	"published_on" date
);
--> statement-breakpoint
CREATE TABLE "initiative_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"author_user_id" text,
	"author_organisation_id" uuid,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_employer" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_offer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"occupation_code" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text,
	"city" text NOT NULL,
	"contract_type" text NOT NULL,
	"working_time" text NOT NULL,
	"hours_per_week" smallint,
	"salary_min" integer,
	"salary_max" integer,
	"salary_period" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education" text DEFAULT 'none' NOT NULL,
	"experience_years" smallint DEFAULT 0 NOT NULL,
	"positions" smallint DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"closing_date" date NOT NULL,
	"open_to_foreigners" boolean DEFAULT true NOT NULL,
	"return_reason" text,
	"validated_at" timestamp with time zone,
	"validated_by" text,
	"created_by" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation" (
	"code" text PRIMARY KEY NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text,
	"title_en" text NOT NULL,
	"title_fr" text,
	"title_ar" text,
	"ar_unofficial" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_page" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"topic" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_page_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "rights_page_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"reviewed_on" date NOT NULL,
	"author_user_id" text,
	"author_label" text NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_programme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"services" text[] NOT NULL,
	"cities" text[] NOT NULL,
	"regions" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"website" text,
	"status" text DEFAULT 'active' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "atlas_province" ADD CONSTRAINT "atlas_province_region_iso_atlas_region_iso_fk" FOREIGN KEY ("region_iso") REFERENCES "public"."atlas_region"("iso") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_deliverable" ADD CONSTRAINT "initiative_deliverable_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_organisation" ADD CONSTRAINT "initiative_organisation_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_organisation" ADD CONSTRAINT "initiative_organisation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_province" ADD CONSTRAINT "initiative_province_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_province" ADD CONSTRAINT "initiative_province_province_iso_atlas_province_iso_fk" FOREIGN KEY ("province_iso") REFERENCES "public"."atlas_province"("iso") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_region" ADD CONSTRAINT "initiative_region_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_region" ADD CONSTRAINT "initiative_region_region_iso_atlas_region_iso_fk" FOREIGN KEY ("region_iso") REFERENCES "public"."atlas_region"("iso") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_source" ADD CONSTRAINT "initiative_source_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_version" ADD CONSTRAINT "initiative_version_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_version" ADD CONSTRAINT "initiative_version_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_version" ADD CONSTRAINT "initiative_version_author_organisation_id_organisation_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_employer" ADD CONSTRAINT "job_employer_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_offer" ADD CONSTRAINT "job_offer_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_offer" ADD CONSTRAINT "job_offer_occupation_code_occupation_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupation"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_offer" ADD CONSTRAINT "job_offer_validated_by_user_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_offer" ADD CONSTRAINT "job_offer_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_page_version" ADD CONSTRAINT "rights_page_version_page_id_rights_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."rights_page"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_page_version" ADD CONSTRAINT "rights_page_version_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_programme" ADD CONSTRAINT "support_programme_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "atlas_province_region_idx" ON "atlas_province" USING btree ("region_iso");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_slug_idx" ON "initiative" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "initiative_search_trgm_idx" ON "initiative" USING gin ("search_document" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "initiative_themes_idx" ON "initiative" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "initiative_targets_idx" ON "initiative" USING gin ("target_groups");--> statement-breakpoint
CREATE INDEX "initiative_countries_idx" ON "initiative" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "initiative_status_idx" ON "initiative" USING btree ("status");--> statement-breakpoint
CREATE INDEX "initiative_years_idx" ON "initiative" USING btree ("start_year","end_year");--> statement-breakpoint
CREATE INDEX "initiative_budget_idx" ON "initiative" USING btree ("budget_eur");--> statement-breakpoint
CREATE INDEX "initiative_sample_idx" ON "initiative" USING btree ("is_sample");--> statement-breakpoint
CREATE INDEX "initiative_deliverable_initiative_idx" ON "initiative_deliverable" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_organisation_org_idx" ON "initiative_organisation" USING btree ("organisation_id","role");--> statement-breakpoint
CREATE INDEX "initiative_province_province_idx" ON "initiative_province" USING btree ("province_iso");--> statement-breakpoint
CREATE INDEX "initiative_region_region_idx" ON "initiative_region" USING btree ("region_iso");--> statement-breakpoint
CREATE INDEX "initiative_source_initiative_idx" ON "initiative_source" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_version_number_idx" ON "initiative_version" USING btree ("initiative_id","number");--> statement-breakpoint
CREATE INDEX "job_offer_search_trgm_idx" ON "job_offer" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "job_offer_status_closing_idx" ON "job_offer" USING btree ("status","closing_date");--> statement-breakpoint
CREATE INDEX "job_offer_organisation_idx" ON "job_offer" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "job_offer_occupation_idx" ON "job_offer" USING btree ("occupation_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "job_offer_region_idx" ON "job_offer" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "job_offer_province_idx" ON "job_offer" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "job_offer_published_idx" ON "job_offer" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "occupation_parent_idx" ON "occupation" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_page_version_page_version_idx" ON "rights_page_version" USING btree ("page_id","version");--> statement-breakpoint
CREATE INDEX "support_programme_organisation_idx" ON "support_programme" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "support_programme_services_idx" ON "support_programme" USING gin ("services");--> statement-breakpoint
CREATE INDEX "support_programme_regions_idx" ON "support_programme" USING gin ("regions");--> statement-breakpoint
CREATE INDEX "support_programme_search_idx" ON "support_programme" USING gin (search_normalise("search_text") gin_trgm_ops);