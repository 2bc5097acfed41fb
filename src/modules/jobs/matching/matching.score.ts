// The matching score between an offer and a job seeker's profile, and its explanation.
// One definition, two forms: `explainMatch` below (what each result shows) and the ranking SQL in
// matching.service.ts (which orders thousands of profiles or offers in the database). Both use the
// weights and rules of this file; a test compares them on many pairs.
import { provinces } from '../../../platform/geo/morocco.ts';
import type { RequiredLanguage } from '../job-offer.table.ts';
import { cefrLevels } from '../../../platform/i18n/spoken-languages.ts';
import type { availabilities } from '../seekers/seekers.model.ts';

/**
 * The weights, out of 100. The occupation weighs most: a counsellor first looks for people who seek
 * this trade (same ISCO-08 unit group), then a close one (same minor group), then the same field
 * (sub-major group). Skills and languages are what an employer checks next, and what a person can
 * show; the place matters because few can move for a modest wage; availability only breaks near-ties.
 * Every part is an integer so the SQL and the explanation give exactly the same number.
 */
export const matchWeights = {
	occupation: { unit: 40, minor: 25, subMajor: 12 },
	/** times the share of the offer's skills the person has (rounded down) */
	skills: 20,
	/** times the share of the required languages met: a language one CEFR level below counts half; nothing required: all */
	languages: 20,
	place: { province: 15, region: 8 },
	availability: { immediately: 5, within_month: 3, later: 0 }
} as const;

export type Availability = (typeof availabilities)[number];
export type CefrLevel = (typeof cefrLevels)[number];

/** What the score reads from an offer. `skillKeys` are its skills normalised by SQL `matching_skill_keys`, in order. */
export interface OfferFacts {
	occupationCode: string;
	skills: string[];
	skillKeys: string[];
	languages: RequiredLanguage[];
	/** null for an offer abroad (international placement): no place in Morocco to match */
	regionCode: string | null;
	provinceCode: string | null;
}

/** What the score reads from a profile. `skillKeys`: the profile's `match_skill_keys`. */
export interface ProfileFacts {
	occupationCodes: string[];
	skillKeys: string[];
	/** a spoken language without a CEFR level meets no level an offer asks */
	languages: { language: string; level: CefrLevel | null }[];
	placeCodes: string[];
	availability: Availability;
}

/** One line of the explanation: a code (its text is `matching.reason_<code>`), its points and the values the text needs. */
export type MatchReason =
	| { code: 'occupation_unit' | 'occupation_minor' | 'occupation_sub_major'; points: number; values: { group: string } }
	| { code: 'occupation_other'; points: 0; values: { code: string } }
	| { code: 'skills_common'; points: number; values: { count: number; total: number; skills: string[] } }
	| { code: 'skills_none'; points: 0; values: { total: number } }
	| { code: 'language_met' | 'language_partial'; points: number; values: { language: string; level: CefrLevel; required: CefrLevel } }
	| { code: 'language_missing'; points: 0; values: { language: string; level: CefrLevel | null; required: CefrLevel } }
	| { code: 'languages_none_required'; points: number; values: Record<string, never> }
	| { code: 'place_province' | 'place_region'; points: number; values: { place: string } }
	| { code: 'place_elsewhere'; points: 0; values: Record<string, never> }
	| { code: 'availability'; points: number; values: { availability: Availability } };

export interface MatchResult {
	score: number;
	reasons: MatchReason[];
}

const regionOfProvince = new Map(provinces.map((province) => [province.iso, province.regionIso]));

/** The region a place code is in: itself for a region (MA-01…MA-12), its region for a province. */
export function regionOf(code: string): string {
	return regionOfProvince.get(code) ?? code;
}

/** The provinces of a region (for "same region" when a person named a province of it). */
export function provincesOf(regionCode: string | null): string[] {
	if (!regionCode) return [];
	return provinces.filter((province) => province.regionIso === regionCode).map((province) => province.iso);
}

export const levelRank = (level: string | null | undefined): number => (level ? cefrLevels.indexOf(level as CefrLevel) + 1 : 0);

/** 2 when the person's level meets the required one, 1 when it is one level below, else 0. */
export function languageUnits(personLevel: string | null | undefined, required: CefrLevel): 0 | 1 | 2 {
	const have = levelRank(personLevel);
	const want = levelRank(required);
	if (have >= want && have > 0) return 2;
	if (have > 0 && have === want - 1) return 1;
	return 0;
}

const distinct = <T>(values: T[]) => [...new Set(values)];

/** The score of a profile for an offer, with one reason per criterion (their points add up to the score). */
export function explainMatch(offer: OfferFacts, profile: ProfileFacts): MatchResult {
	const reasons: MatchReason[] = [];
	const w = matchWeights;

	// occupation: the best level reached by any of the occupations sought
	const unit = offer.occupationCode;
	const [minor, subMajor] = [unit.slice(0, 3), unit.slice(0, 2)];
	if (profile.occupationCodes.includes(unit)) reasons.push({ code: 'occupation_unit', points: w.occupation.unit, values: { group: unit } });
	else if (profile.occupationCodes.some((code) => code.startsWith(minor))) reasons.push({ code: 'occupation_minor', points: w.occupation.minor, values: { group: minor } });
	else if (profile.occupationCodes.some((code) => code.startsWith(subMajor))) reasons.push({ code: 'occupation_sub_major', points: w.occupation.subMajor, values: { group: subMajor } });
	else reasons.push({ code: 'occupation_other', points: 0, values: { code: unit } });

	// skills: the share of the offer's (distinct) skills the person has
	const offerKeys = distinct(offer.skillKeys);
	if (offerKeys.length > 0) {
		const have = new Set(profile.skillKeys);
		const common = offerKeys.filter((key) => have.has(key));
		if (common.length > 0) {
			// the offer's own words for the skills in common
			const names = common.map((key) => offer.skills[offer.skillKeys.indexOf(key)] ?? key);
			reasons.push({ code: 'skills_common', points: Math.floor((w.skills * common.length) / offerKeys.length), values: { count: common.length, total: offerKeys.length, skills: names } });
		} else {
			reasons.push({ code: 'skills_none', points: 0, values: { total: offerKeys.length } });
		}
	}

	// languages: each required language met (or one level below: half), out of the weight
	if (offer.languages.length === 0) {
		reasons.push({ code: 'languages_none_required', points: w.languages, values: {} });
	} else {
		const units = offer.languages.map((required) => {
			const level = profile.languages.find((entry) => entry.language === required.language)?.level ?? null;
			return { required, level, units: languageUnits(level, required.level) };
		});
		// each language's points: its step in the running total, so they add up to floor(weight × units / (2 × n))
		const part = (cumulated: number) => Math.floor((w.languages * cumulated) / (2 * offer.languages.length));
		let cumulated = 0;
		for (const entry of units) {
			const before = part(cumulated);
			cumulated += entry.units;
			const points = part(cumulated) - before;
			const { language, level: required } = entry.required;
			if (entry.units === 2) reasons.push({ code: 'language_met', points, values: { language, level: entry.level as CefrLevel, required } });
			else if (entry.units === 1) reasons.push({ code: 'language_partial', points, values: { language, level: entry.level as CefrLevel, required } });
			else reasons.push({ code: 'language_missing', points: 0, values: { language, level: (entry.level as CefrLevel | null) ?? null, required } });
		}
	}

	// place: the offer's province named by the person, else its region (named, or one of its provinces)
	if (offer.provinceCode && profile.placeCodes.includes(offer.provinceCode)) {
		reasons.push({ code: 'place_province', points: w.place.province, values: { place: offer.provinceCode } });
	} else if (offer.regionCode && profile.placeCodes.some((code) => regionOf(code) === offer.regionCode)) {
		reasons.push({ code: 'place_region', points: w.place.region, values: { place: offer.regionCode } });
	} else {
		reasons.push({ code: 'place_elsewhere', points: 0, values: {} });
	}

	reasons.push({ code: 'availability', points: w.availability[profile.availability], values: { availability: profile.availability } });
	return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}
