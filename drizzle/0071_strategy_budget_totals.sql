-- A strategy's budget totals, kept by the database itself (budget.service.ts reads them): the real lines of
-- its real actions summed by domain, year and currency, once as they are (place '') and once in each place
-- where the action is carried out (each of its regions, or 'national'), so the strategy's page, a region's
-- page and the annual report sum a few hundred rows whatever the programme's size (issue #13: 500 actions ×
-- 12 years × several sources are ~18,000 lines and ~34,000 line-places).
-- Written by hand, like the other counters of the cache schema: totals, not data, out of backups (see 0015).
--
-- How they follow the data: any change that can move a total (a budget line written or removed, an action
-- moved, made national or not, marked as a sample or not, removed, a region added or taken off) marks its
-- strategy as stale (one row per strategy, at most, per transaction); a deferred trigger on that mark sums
-- the strategy again when the transaction commits — once, whatever the number of lines the transaction
-- wrote (the XLSX import writes thousands). Two transactions on one strategy's budget queue on the mark.
CREATE SCHEMA IF NOT EXISTS "cache";
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cache"."strategy_budget_total" (
	"strategy_id" uuid NOT NULL,
	-- '' for the lines counted once; else a region's ISO code or 'national'
	"place" text NOT NULL,
	"domain_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"currency" text NOT NULL,
	"planned" numeric NOT NULL,
	"committed" numeric NOT NULL,
	"executed" numeric NOT NULL,
	PRIMARY KEY ("strategy_id", "place", "domain_id", "year", "currency")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "strategy_budget_total_place_idx" ON "cache"."strategy_budget_total" ("place", "strategy_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cache"."strategy_budget_stale" (
	"strategy_id" uuid PRIMARY KEY
);
--> statement-breakpoint
-- Sums one strategy's lines again (its rows replaced; none left when the strategy is gone).
CREATE OR REPLACE FUNCTION "strategy"."budget_total_refresh"(target uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "cache"."strategy_budget_total" WHERE "strategy_id" = target;
	INSERT INTO "cache"."strategy_budget_total" ("strategy_id", "place", "domain_id", "year", "currency", "planned", "committed", "executed")
	WITH RECURSIVE tree ("id", "domain_id") AS (
		SELECT n."id", n."id" FROM "strategy"."node" n WHERE n."strategy_id" = target AND n."parent_id" IS NULL
		UNION ALL
		SELECT child."id", tree."domain_id" FROM "strategy"."node" child JOIN tree ON child."parent_id" = tree."id"
	),
	lines AS (
		SELECT n."id" AS "node_id", n."national", tree."domain_id", l."year", l."currency", l."planned", l."committed", l."executed"
		FROM "strategy"."budget_line" l
		JOIN "strategy"."node" n ON n."id" = l."node_id"
		JOIN tree ON tree."id" = n."id"
		WHERE NOT l."is_sample" AND NOT n."is_sample"
	),
	placed AS (
		SELECT '' AS "place", lines.* FROM lines
		UNION ALL
		SELECT 'national', lines.* FROM lines WHERE lines."national"
		UNION ALL
		SELECT r."region", lines.* FROM lines JOIN "strategy"."node_region" r ON r."node_id" = lines."node_id" WHERE NOT lines."national"
	)
	SELECT target, "place", "domain_id", "year", "currency", sum("planned"), sum("committed"), sum("executed")
	FROM placed GROUP BY "place", "domain_id", "year", "currency";
	DELETE FROM "cache"."strategy_budget_stale" WHERE "strategy_id" = target;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "strategy"."budget_total_refresh_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "strategy"."budget_total_refresh"(NEW."strategy_id");
	RETURN NULL;
END;
$$;
--> statement-breakpoint
-- deferred: at the commit, after every line of the transaction is written
CREATE CONSTRAINT TRIGGER "strategy_budget_stale_refresh" AFTER INSERT ON "cache"."strategy_budget_stale" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "strategy"."budget_total_refresh_stale"();
--> statement-breakpoint
-- Budget lines and regions: one statement marks the strategies of all the rows it changed (a bulk write, one mark).
CREATE OR REPLACE FUNCTION "strategy"."budget_total_mark_lines"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO "cache"."strategy_budget_stale" ("strategy_id")
		SELECT DISTINCT n."strategy_id" FROM changed_new c JOIN "strategy"."node" n ON n."id" = c."node_id"
		ON CONFLICT DO NOTHING;
	END IF;
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		-- a line removed with its action (cascade) finds no action here: the action's own mark counts
		INSERT INTO "cache"."strategy_budget_stale" ("strategy_id")
		SELECT DISTINCT n."strategy_id" FROM changed_old c JOIN "strategy"."node" n ON n."id" = c."node_id"
		ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "budget_line_totals_insert" AFTER INSERT ON "strategy"."budget_line" REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION "strategy"."budget_total_mark_lines"();
--> statement-breakpoint
CREATE TRIGGER "budget_line_totals_update" AFTER UPDATE ON "strategy"."budget_line" REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION "strategy"."budget_total_mark_lines"();
--> statement-breakpoint
CREATE TRIGGER "budget_line_totals_delete" AFTER DELETE ON "strategy"."budget_line" REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION "strategy"."budget_total_mark_lines"();
--> statement-breakpoint
CREATE TRIGGER "node_region_totals_insert" AFTER INSERT ON "strategy"."node_region" REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION "strategy"."budget_total_mark_lines"();
--> statement-breakpoint
CREATE TRIGGER "node_region_totals_update" AFTER UPDATE ON "strategy"."node_region" REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION "strategy"."budget_total_mark_lines"();
--> statement-breakpoint
CREATE TRIGGER "node_region_totals_delete" AFTER DELETE ON "strategy"."node_region" REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION "strategy"."budget_total_mark_lines"();
--> statement-breakpoint
-- Actions: only what moves a total (its place in the tree, national or not, sample or not, its strategy; removed).
CREATE OR REPLACE FUNCTION "strategy"."budget_total_mark_node"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		INSERT INTO "cache"."strategy_budget_stale" ("strategy_id") VALUES (NEW."strategy_id") ON CONFLICT DO NOTHING;
	END IF;
	INSERT INTO "cache"."strategy_budget_stale" ("strategy_id") VALUES (OLD."strategy_id") ON CONFLICT DO NOTHING;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "node_totals_update" AFTER UPDATE ON "strategy"."node" FOR EACH ROW
	WHEN ((OLD."parent_id", OLD."national", OLD."is_sample", OLD."strategy_id") IS DISTINCT FROM (NEW."parent_id", NEW."national", NEW."is_sample", NEW."strategy_id"))
	EXECUTE FUNCTION "strategy"."budget_total_mark_node"();
--> statement-breakpoint
CREATE TRIGGER "node_totals_delete" AFTER DELETE ON "strategy"."node" FOR EACH ROW EXECUTE FUNCTION "strategy"."budget_total_mark_node"();
--> statement-breakpoint
-- A restore empties the tables with TRUNCATE (no row trigger): the totals go with them, and the rows
-- inserted again mark their strategies.
CREATE OR REPLACE FUNCTION "strategy"."budget_total_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	TRUNCATE "cache"."strategy_budget_total";
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "budget_line_totals_truncate" AFTER TRUNCATE ON "strategy"."budget_line" FOR EACH STATEMENT EXECUTE FUNCTION "strategy"."budget_total_clear"();
--> statement-breakpoint
-- the budgets already there
SELECT "strategy"."budget_total_refresh"(s."id") FROM "strategy"."strategy" s;
