-- The crisis dashboard's counts, kept up to date by the database itself (crisis-counts.ts): a trigger
-- on crisis_registration adds each registration not merged away to its row — by relay, city, status and
-- set of needs — and takes it off when it changes or goes, so the dashboard sums a few hundred rows
-- whatever the crisis's size. Counts, not data: in the `cache` schema, out of backups (see 0015); a
-- restore truncates the registrations (which empties the counts) and inserts them again (which counts them).
-- Written by hand, like the other counters of the cache schema.
CREATE SCHEMA IF NOT EXISTS "cache";
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cache"."return_crisis_count" (
	"crisis_id" uuid NOT NULL,
	-- the relay organisation's id, '' for none
	"relay_key" text NOT NULL,
	"city" text NOT NULL,
	"status" text NOT NULL,
	-- the needs, sorted, joined by commas ('' for none)
	"needs_key" text NOT NULL,
	"registrations" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"safe" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	PRIMARY KEY ("crisis_id", "relay_key", "city", "status", "needs_key")
);
--> statement-breakpoint
-- One registration's part of the counts (sign 1: add it, -1: take it off); a registration merged away is in no count.
CREATE OR REPLACE FUNCTION "return_module"."crisis_count_apply"(r "return_module"."crisis_registration", sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF r.duplicate_of IS NOT NULL THEN
		RETURN;
	END IF;
	INSERT INTO "cache"."return_crisis_count" AS c ("crisis_id", "relay_key", "city", "status", "needs_key", "registrations", "people", "safe", "duplicates")
	VALUES (
		r.crisis_id,
		coalesce(r.relay_organisation_id::text, ''),
		r.city,
		r.status,
		coalesce(array_to_string(ARRAY(SELECT DISTINCT need FROM unnest(r.needs) AS need ORDER BY need), ','), ''),
		sign,
		sign * r.people_count,
		CASE WHEN r.last_safe_at IS NOT NULL THEN sign ELSE 0 END,
		CASE WHEN r.same_contact_as IS NOT NULL THEN sign ELSE 0 END
	)
	ON CONFLICT ("crisis_id", "relay_key", "city", "status", "needs_key") DO UPDATE SET
		"registrations" = c."registrations" + EXCLUDED."registrations",
		"people" = c."people" + EXCLUDED."people",
		"safe" = c."safe" + EXCLUDED."safe",
		"duplicates" = c."duplicates" + EXCLUDED."duplicates";
END;
$$;
--> statement-breakpoint
-- Every change of a registration moves its part; the two rows of a change are touched in one order, so
-- two changes crossing each other wait rather than deadlock.
CREATE OR REPLACE FUNCTION "return_module"."crisis_count_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM "return_module"."crisis_count_apply"(NEW, 1);
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM "return_module"."crisis_count_apply"(OLD, -1);
	ELSIF (OLD.crisis_id, OLD.relay_organisation_id, OLD.city, OLD.status, OLD.needs, OLD.people_count, OLD.last_safe_at IS NULL, OLD.same_contact_as IS NULL, OLD.duplicate_of IS NULL)
		IS DISTINCT FROM (NEW.crisis_id, NEW.relay_organisation_id, NEW.city, NEW.status, NEW.needs, NEW.people_count, NEW.last_safe_at IS NULL, NEW.same_contact_as IS NULL, NEW.duplicate_of IS NULL) THEN
		IF (coalesce(OLD.relay_organisation_id::text, ''), OLD.city, OLD.status) <= (coalesce(NEW.relay_organisation_id::text, ''), NEW.city, NEW.status) THEN
			PERFORM "return_module"."crisis_count_apply"(OLD, -1);
			PERFORM "return_module"."crisis_count_apply"(NEW, 1);
		ELSE
			PERFORM "return_module"."crisis_count_apply"(NEW, 1);
			PERFORM "return_module"."crisis_count_apply"(OLD, -1);
		END IF;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "crisis_registration_counts" AFTER INSERT OR UPDATE OR DELETE ON "return_module"."crisis_registration" FOR EACH ROW EXECUTE FUNCTION "return_module"."crisis_count_follow"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "return_module"."crisis_count_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	TRUNCATE "cache"."return_crisis_count";
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "crisis_registration_counts_truncate" AFTER TRUNCATE ON "return_module"."crisis_registration" FOR EACH STATEMENT EXECUTE FUNCTION "return_module"."crisis_count_clear"();
--> statement-breakpoint
-- the registrations already there
INSERT INTO "cache"."return_crisis_count" ("crisis_id", "relay_key", "city", "status", "needs_key", "registrations", "people", "safe", "duplicates")
SELECT r.crisis_id, coalesce(r.relay_organisation_id::text, ''), r.city, r.status,
	coalesce(array_to_string(ARRAY(SELECT DISTINCT need FROM unnest(r.needs) AS need ORDER BY need), ','), ''),
	count(*)::int, sum(r.people_count)::int, count(r.last_safe_at)::int, count(r.same_contact_as)::int
FROM "return_module"."crisis_registration" r
WHERE r.duplicate_of IS NULL
GROUP BY 1, 2, 3, 4, 5;
