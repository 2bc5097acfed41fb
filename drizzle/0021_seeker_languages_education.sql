ALTER TABLE "seeker_profile" ALTER COLUMN "education" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "seeker_profile" ALTER COLUMN "education" DROP NOT NULL;--> statement-breakpoint
-- nationalities given under withdrawn ISO 3166-1 codes take the current code of the same country
UPDATE "seeker_profile" SET "nationality" = CASE "nationality" WHEN 'DY' THEN 'BJ' WHEN 'HV' THEN 'BF' WHEN 'UK' THEN 'GB' WHEN 'VD' THEN 'VN' WHEN 'RH' THEN 'ZW' WHEN 'NH' THEN 'VU' WHEN 'ZR' THEN 'CD' WHEN 'BU' THEN 'MM' WHEN 'TP' THEN 'TL' WHEN 'YD' THEN 'YE' WHEN 'EH' THEN 'MA' END
WHERE "nationality" IN ('DY', 'HV', 'UK', 'VD', 'RH', 'NH', 'ZR', 'BU', 'TP', 'YD', 'EH');
