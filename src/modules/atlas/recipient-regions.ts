// Supranational regions an IATI file names instead of countries (IATI Region codelist). Some include
// Morocco; an initiative placed only by one of them "may concern Morocco": a moderator says where, if
// anywhere (issue 17, rule 3). Names come from the IATI codelists the import already carries.
import { sql, type SQL } from 'drizzle-orm';
import { initiativeRegion, type RecipientRegion } from './atlas.table.ts';

/**
 * Regions that include Morocco. Vocabulary 1 (OECD DAC): 189 North of Sahara, regional; 298 Africa,
 * regional; 998 Developing countries, unspecified. Vocabulary 2 (UN M49): 001 World, 002 Africa, 015
 * Northern Africa (written with or without leading zeros).
 */
const includingMorocco: Record<'1' | '2', ReadonlySet<string>> = {
	'1': new Set(['189', '298', '998']),
	'2': new Set(['1', '2', '15'])
};

export function regionIncludesMorocco(region: Pick<RecipientRegion, 'code' | 'vocabulary'>): boolean {
	const code = region.vocabulary === '2' ? String(Number(region.code)) : region.code;
	return includingMorocco[region.vocabulary]?.has(code) ?? false;
}

/** Only a region that includes Morocco places the initiative: nothing in Morocco, no MA, no other country. */
export function mayConcernMorocco(place: {
	nationalScope: boolean;
	regions: readonly unknown[];
	provinces: readonly unknown[];
	points: readonly unknown[];
	countries: readonly string[];
	recipientRegions: readonly Pick<RecipientRegion, 'code' | 'vocabulary'>[];
}): boolean {
	if (place.nationalScope || place.regions.length || place.provinces.length || place.points.length) return false;
	return place.recipientRegions.some(regionIncludesMorocco);
}

/**
 * The same rule in SQL over an initiative row aliased `alias` (lists and the read model): regions kept as
 * the table above says, placed nowhere in Morocco (its regions table holds provinces' regions too).
 */
export function mayConcernMoroccoSql(alias: string): SQL {
	const row = sql.raw(alias);
	const pairs = sql.join(
		(['1', '2'] as const).flatMap((vocabulary) => [...includingMorocco[vocabulary]].map((code) => sql`(${vocabulary}, ${code})`)),
		sql`, `
	);
	return sql`(not ${row}.national_scope and jsonb_array_length(${row}.points) = 0
		and not exists (select 1 from ${initiativeRegion} mr where mr.initiative_id = ${row}.id)
		and exists (select 1 from jsonb_array_elements(${row}.recipient_regions) rr
			where (coalesce(rr->>'vocabulary', '1'), coalesce(nullif(ltrim(rr->>'code', '0'), ''), '0')) in (${pairs})))`;
}

/** Words that name Morocco in the languages IATI files come in (a hint for the moderator, never a decision). */
const MOROCCO_NAMES = /\b(maroc|marocain|marocaine|morocco|moroccan|marruecos|marroqu[ií]|marokko|marocco|marrocos)\b|المغرب|مغربي/iu;

export const namesMorocco = (text: string): boolean => MOROCCO_NAMES.test(text);
