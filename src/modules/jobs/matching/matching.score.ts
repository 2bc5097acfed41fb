// The matching score between an offer and a job seeker's profile, and its explanation.
// The occupation, skills and languages are the platform's matching criteria (src/platform/matching/) with this
// module's weights; the place and the availability are its own. One definition, two forms: `explainMatch` below
// (what each result shows) and the ranking SQL in matching.service.ts (which orders thousands of profiles or
// offers in the database). Both use the weights and rules of this file; a test compares them on many pairs.
import { provinces } from '../../../platform/geo/morocco.ts';
import type { RequiredLanguage } from '../job-offer.table.ts';
import { cefrLevels } from '../../../platform/i18n/spoken-languages.ts';
import { explained, languageReasons, languageUnits, levelRank, occupationReason, skillsReason, type CommonReason } from '../../../platform/matching/criteria.ts';
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

/**
 * One line of the explanation: a code, its points and the values its text needs. The occupation, skills and
 * languages are the platform's matching criteria (worded `match.reason_<code>`); the place and the availability
 * are this module's (`matching.reason_<code>`).
 */
export type MatchReason =
	| CommonReason
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

export { levelRank, languageUnits };

/** The score of a profile for an offer, with one reason per criterion (their points add up to the score). */
export function explainMatch(offer: OfferFacts, profile: ProfileFacts): MatchResult {
	const reasons: MatchReason[] = [];
	const w = matchWeights;

	// occupation: the best level reached by any of the occupations sought
	reasons.push(occupationReason(offer.occupationCode, profile.occupationCodes, w.occupation));

	// skills: the share of the offer's (distinct) skills the person has, in the offer's own words
	const skills = skillsReason(offer.skillKeys, profile.skillKeys, w.skills, (key) => offer.skills[offer.skillKeys.indexOf(key)] ?? key);
	if (skills) reasons.push(skills);

	// languages: each required language met (or one level below: half), out of the weight
	reasons.push(...languageReasons(offer.languages, profile.languages, w.languages));

	// place: the offer's province named by the person, else its region (named, or one of its provinces)
	if (offer.provinceCode && profile.placeCodes.includes(offer.provinceCode)) {
		reasons.push({ code: 'place_province', points: w.place.province, values: { place: offer.provinceCode } });
	} else if (offer.regionCode && profile.placeCodes.some((code) => regionOf(code) === offer.regionCode)) {
		reasons.push({ code: 'place_region', points: w.place.region, values: { place: offer.regionCode } });
	} else {
		reasons.push({ code: 'place_elsewhere', points: 0, values: {} });
	}

	reasons.push({ code: 'availability', points: w.availability[profile.availability], values: { availability: profile.availability } });
	return explained(reasons);
}
