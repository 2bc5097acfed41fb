// The platform's matching engine: a score out of 100 made of weighted criteria, each giving reasons whose
// points add up to the score. A module brings its own weights and criteria (job offers and job seekers,
// missions and talents); the criteria several modules compare — the ISCO-08 occupation, a share of skills,
// languages at a CEFR level — are written once here, with the sum and the order of ties, so the same fact
// scores and reads the same everywhere. Every part is an integer, so that a module's SQL form of its score
// (which ranks many records in the database) can give exactly the same number; `languageUnitsByRank` gives
// that SQL the language rule as a table.
import { cefrLevels, type CefrLevel } from '../i18n/spoken-languages.ts';

/** One reason: a code (its text a message key), its share of the score and the values its text needs. */
export interface Reason<Code extends string = string, Values extends object = Record<string, unknown>> {
	code: Code;
	points: number;
	values: Values;
}

/** A score and the reasons that add up to it. */
export interface Explained<R extends Reason> {
	score: number;
	reasons: R[];
}

export type OccupationReason =
	| { code: 'occupation_unit' | 'occupation_minor' | 'occupation_sub_major'; points: number; values: { group: string } }
	| { code: 'occupation_other'; points: 0; values: { code: string } };

export type SkillsReason = { code: 'skills_common'; points: number; values: { count: number; total: number; skills: string[] } } | { code: 'skills_none'; points: 0; values: { total: number } };

export type LanguageReason =
	| { code: 'language_met' | 'language_partial'; points: number; values: { language: string; level: CefrLevel; required: CefrLevel } }
	| { code: 'language_missing'; points: 0; values: { language: string; level: CefrLevel | null; required: CefrLevel } }
	| { code: 'languages_none_required'; points: number; values: Record<string, never> };

/** The reasons the platform writes and words (`match.reason_<code>`); a module's other reasons are its own. */
export type CommonReason = OccupationReason | SkillsReason | LanguageReason;

/** Their codes (for a module's schema of its reasons: its own codes beside these). */
export const commonReasonCodes = [
	'occupation_unit',
	'occupation_minor',
	'occupation_sub_major',
	'occupation_other',
	'skills_common',
	'skills_none',
	'language_met',
	'language_partial',
	'language_missing',
	'languages_none_required'
] as const satisfies readonly CommonReason['code'][];

const common = new Set<string>(commonReasonCodes);
export const isCommonReason = (reason: Reason): reason is CommonReason => common.has(reason.code);

/** The score is the sum of the reasons' points: nothing counts that is not explained. */
export function explained<R extends Reason>(reasons: R[]): Explained<R> {
	return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}

/** `weight × part / whole`, rounded down (an integer, as in SQL's integer division). */
export const weightedShare = (weight: number, part: number, whole: number): number => Math.floor((weight * part) / whole);

// ── The occupation (ISCO-08) ─────────────────────────────────────────────────────────────────────────────

export interface OccupationWeights {
	/** same unit group (4 digits) */
	unit: number;
	/** same minor group (3 digits) */
	minor: number;
	/** same sub-major group (2 digits) */
	subMajor: number;
}

/** The best level at which one of `have` meets the `wanted` unit group: the same one, else its minor, else its sub-major group. */
export function occupationReason(wanted: string, have: readonly string[], weights: OccupationWeights): OccupationReason {
	const [minor, subMajor] = [wanted.slice(0, 3), wanted.slice(0, 2)];
	if (have.includes(wanted)) return { code: 'occupation_unit', points: weights.unit, values: { group: wanted } };
	if (have.some((code) => code.startsWith(minor))) return { code: 'occupation_minor', points: weights.minor, values: { group: minor } };
	if (have.some((code) => code.startsWith(subMajor))) return { code: 'occupation_sub_major', points: weights.subMajor, values: { group: subMajor } };
	return { code: 'occupation_other', points: 0, values: { code: wanted } };
}

// ── A share of skills ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The share of the `wanted` skills (counted once each) found in `have`, out of `weight`; `name` gives the words a
 * skill is shown in (the asker's own words, a list's label). Null when nothing is wanted: no reason then.
 */
export function skillsReason(wanted: readonly string[], have: Iterable<string>, weight: number, name: (key: string) => string = (key) => key): SkillsReason | null {
	const keys = [...new Set(wanted)];
	if (!keys.length) return null;
	const held = new Set(have);
	const found = keys.filter((key) => held.has(key));
	if (!found.length) return { code: 'skills_none', points: 0, values: { total: keys.length } };
	return { code: 'skills_common', points: weightedShare(weight, found.length, keys.length), values: { count: found.length, total: keys.length, skills: found.map(name) } };
}

// ── Languages at a CEFR level ─────────────────────────────────────────────────────────────────────────────

/** 1 for A1 … 6 for C2; 0 for no level (a language spoken without a level meets none). */
export const levelRank = (level: string | null | undefined): number => (level ? cefrLevels.indexOf(level as CefrLevel) + 1 : 0);

/** 2 when the level meets the required one, 1 when it is one level below, else 0. */
export function languageUnits(level: string | null | undefined, required: CefrLevel): 0 | 1 | 2 {
	const [have, want] = [levelRank(level), levelRank(required)];
	if (have > 0 && have >= want) return 2;
	if (have > 0 && have === want - 1) return 1;
	return 0;
}

/** The units for each rank a person may have, no level first (index = `levelRank`): the rule as a table, for SQL. */
export const languageUnitsByRank = (required: CefrLevel): (0 | 1 | 2)[] => [null, ...cefrLevels].map((level) => languageUnits(level, required));

/**
 * One reason per required language, out of `weight` together: a language met counts whole, one level below half.
 * Each language's points are its step in the running total, so they add up to floor(weight × units / (2 × n)).
 * Nothing required: the whole weight. The person's level of a language is their first entry of it.
 */
export function languageReasons(
	required: readonly { language: string; level: CefrLevel }[],
	have: readonly { language: string; level: CefrLevel | null }[],
	weight: number
): LanguageReason[] {
	if (!required.length) return [{ code: 'languages_none_required', points: weight, values: {} }];
	const part = (units: number) => weightedShare(weight, units, 2 * required.length);
	let cumulated = 0;
	return required.map(({ language, level: wanted }): LanguageReason => {
		const level = have.find((entry) => entry.language === language)?.level ?? null;
		const units = languageUnits(level, wanted);
		const before = part(cumulated);
		cumulated += units;
		const points = part(cumulated) - before;
		if (units === 2) return { code: 'language_met', points, values: { language, level: level as CefrLevel, required: wanted } };
		if (units === 1) return { code: 'language_partial', points, values: { language, level: level as CefrLevel, required: wanted } };
		return { code: 'language_missing', points: 0, values: { language, level, required: wanted } };
	});
}

// ── Ties ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Code-point order of two texts, as PostgreSQL's `collate "C"` (not the locale's): the same order in SQL and here. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Best score first; equal scores in the order of the tie-breakers given, each used when the ones before tie. */
export function byScore<T extends { score: number }>(...tieBreakers: ((a: T, b: T) => number)[]): (a: T, b: T) => number {
	return (a, b) => {
		if (b.score !== a.score) return b.score - a.score;
		for (const tieBreak of tieBreakers) {
			const order = tieBreak(a, b);
			if (order) return order;
		}
		return 0;
	};
}
