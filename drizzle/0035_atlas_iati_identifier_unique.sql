-- One initiative per IATI activity (issue 17, rule 13). Two initiatives that already share an identifier are
-- two records a moderator must merge: the upgrade stops and names them rather than drop or alter either.
DO $$
DECLARE shared text;
BEGIN
	SELECT string_agg(identifier, ', ') INTO shared FROM (
		SELECT upper("iati_identifier") AS identifier FROM "atlas"."initiative" WHERE "iati_identifier" IS NOT NULL GROUP BY 1 HAVING count(*) > 1
	) duplicated;
	IF shared IS NOT NULL THEN
		RAISE EXCEPTION 'Several initiatives share these IATI identifiers; merge them before upgrading: %', shared;
	END IF;
END $$;--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_iati_identifier_idx" ON "atlas"."initiative" USING btree (upper("iati_identifier")) WHERE "atlas"."initiative"."iati_identifier" is not null;
