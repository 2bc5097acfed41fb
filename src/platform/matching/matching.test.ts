import { describe, expect, it } from 'vitest';
import { byCodePoint, byScore, explained, languageReasons, languageUnits, languageUnitsByRank, occupationReason, skillsReason, type Reason } from './criteria.ts';
import { commonReasonText, occupationGroupsOf, reasonLines } from './explain.ts';

const occupation = { unit: 40, minor: 25, subMajor: 12 };

describe('the matching engine: criteria', () => {
	it('places an occupation at the best ISCO-08 level any of the person’s reaches', () => {
		expect(occupationReason('2211', ['2211'], occupation)).toEqual({ code: 'occupation_unit', points: 40, values: { group: '2211' } });
		expect(occupationReason('2211', ['7112', '2212'], occupation)).toEqual({ code: 'occupation_minor', points: 25, values: { group: '221' } });
		expect(occupationReason('2211', ['2261'], occupation)).toEqual({ code: 'occupation_sub_major', points: 12, values: { group: '22' } });
		expect(occupationReason('2211', [], occupation)).toEqual({ code: 'occupation_other', points: 0, values: { code: '2211' } });
	});

	it('gives the share of the skills asked (each once), rounded down, in the words asked for', () => {
		expect(skillsReason(['a', 'b', 'c', 'a'], ['c', 'a', 'x'], 20, (key) => key.toUpperCase())).toEqual({ code: 'skills_common', points: 13, values: { count: 2, total: 3, skills: ['A', 'C'] } });
		expect(skillsReason(['a', 'b'], ['x'], 20)).toEqual({ code: 'skills_none', points: 0, values: { total: 2 } });
		expect(skillsReason([], ['x'], 20)).toBeNull();
	});

	it('counts a language met whole and one CEFR level below half, the points adding up to the share', () => {
		expect(languageUnits('C1', 'B2')).toBe(2);
		expect(languageUnits('B1', 'B2')).toBe(1);
		expect(languageUnits('A2', 'B2')).toBe(0);
		expect(languageUnits(null, 'A1')).toBe(0);
		expect(languageUnitsByRank('B1')).toEqual([0, 0, 1, 2, 2, 2, 2]);
		const reasons = languageReasons(
			[
				{ language: 'fr', level: 'B2' },
				{ language: 'ar', level: 'B2' },
				{ language: 'en', level: 'C1' }
			],
			[
				{ language: 'fr', level: 'C2' },
				{ language: 'ar', level: 'B1' },
				{ language: 'en', level: null }
			],
			20
		);
		expect(reasons.map((reason) => [reason.code, reason.points])).toEqual([
			['language_met', 6],
			['language_partial', 4],
			['language_missing', 0]
		]);
		// floor(20 × 3 units / 6) = 10, whatever the order of the languages
		expect(reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(10);
		expect(languageReasons([], [], 20)).toEqual([{ code: 'languages_none_required', points: 20, values: {} }]);
	});

	it('makes the score the sum of the reasons, and orders ties by the tie-breakers, in code-point order as SQL’s "C" collation', () => {
		expect(explained([occupationReason('2211', ['2211'], occupation), ...languageReasons([], [], 20)]).score).toBe(60);
		const rows = [
			{ id: 'b', score: 5 },
			{ id: 'a', score: 5 },
			{ id: 'Z', score: 5 },
			{ id: 'c', score: 9 }
		];
		expect(rows.sort(byScore((x, y) => byCodePoint(x.id, y.id))).map((row) => row.id)).toEqual(['c', 'Z', 'a', 'b']);
	});
});

describe('the matching engine: reasons in words', () => {
	const names = { occupation: (code: string) => ({ '2211': 'Médecins généralistes' })[code], skill: (skill: string) => `«${skill}»` };

	it('words the common reasons the same for every module, in each language', () => {
		expect(commonReasonText('fr', occupationReason('2211', ['2211'], occupation), names)).toBe('Même métier\u00a0: Médecins généralistes (CITP 2211)');
		// a group without a title shows its code
		expect(commonReasonText('en', occupationReason('2211', ['2212'], occupation), names)).toBe('Close occupation, same minor group: 221 (ISCO 221)');
		expect(commonReasonText('fr', skillsReason(['a', 'b'], ['a', 'b'], 20)!, names)).toBe('2 compétences en commun sur 2\u00a0: «a», «b»');
		expect(commonReasonText('ar', skillsReason(['a', 'b'], ['a', 'b'], 20)!, {})).toContain('a، b');
		const [missing] = languageReasons([{ language: 'fr', level: 'B1' }], [], 20);
		expect(commonReasonText('fr', missing)).toBe('Langue\u00a0: français non déclaré (requis\u00a0: B1)');
		expect(commonReasonText('en', languageReasons([{ language: 'ar', level: 'B1' }], [{ language: 'ar', level: 'A2' }], 20)[0])).toBe('Language: Arabic A2, one level below the required level (B1)');
	});

	it('leaves a module’s own reasons to its own words, and names the occupation groups to look up', () => {
		type Own = Reason<'place_same', { place: string }>;
		const match = explained<ReturnType<typeof occupationReason> | Own>([occupationReason('2211', ['2261'], occupation), { code: 'place_same', points: 10, values: { place: 'Oujda' } }]);
		const lines = reasonLines('fr', match.reasons, (reason) => `Lieu : ${reason.values.place}`, names);
		expect(lines).toEqual([
			{ code: 'occupation_sub_major', points: 12, text: 'Même domaine\u00a0: 22 (CITP 22)' },
			{ code: 'place_same', points: 10, text: 'Lieu : Oujda' }
		]);
		expect(occupationGroupsOf([match, match])).toEqual(['22']);
	});
});
