import { describe, expect, it } from 'vitest';
import type { MissionMatch, MissionReason } from './matching.ts';
import { reasonLines } from './missions-pages.ts';

// Every reason a match can give, with the values its sentence needs: a sentence missing one of them failed the
// whole page (the demo's matched mission has a selected talent without any of the skills asked).
const every: MissionReason[] = [
	{ code: 'skills_common', points: 15, values: { count: 1, total: 2, skills: ['health'] } },
	{ code: 'skills_none', points: 0, values: { total: 2 } },
	{ code: 'occupation_unit', points: 20, values: { group: '2211' } },
	{ code: 'occupation_minor', points: 14, values: { group: '221' } },
	{ code: 'occupation_sub_major', points: 8, values: { group: '22' } },
	{ code: 'occupation_other', points: 0, values: { code: '2511' } },
	{ code: 'sector_same', points: 10, values: { sector: 'health' } },
	{ code: 'sector_other', points: 0, values: { sector: 'health' } },
	{ code: 'language_met', points: 20, values: { language: 'fr', level: 'C1', required: 'B2' } },
	{ code: 'language_partial', points: 10, values: { language: 'ar', level: 'B1', required: 'B2' } },
	{ code: 'language_missing', points: 0, values: { language: 'en', level: null, required: 'B2' } },
	{ code: 'languages_none_required', points: 20, values: {} },
	{ code: 'remote_enough', points: 10, values: { hours: 8, needed: 4 } },
	{ code: 'remote_some', points: 5, values: { hours: 2, needed: 4 } },
	{ code: 'remote_none', points: 0, values: { hours: 0, needed: 4 } },
	{ code: 'on_site_offers', points: 6, values: {} },
	{ code: 'on_site_windows', points: 4, values: {} },
	{ code: 'on_site_unknown', points: 0, values: {} },
	{ code: 'origin_same', points: 10, values: { region: 'MA-02' } },
	{ code: 'origin_other', points: 0, values: { region: 'MA-02' } }
];

describe('the sentences of a match', () => {
	it('say every reason in each language, with its values', () => {
		const match: MissionMatch = { score: 0, reasons: every };
		for (const language of ['fr', 'ar', 'en'] as const) {
			const { lines } = reasonLines(language, match, new Map());
			expect(lines).toHaveLength(every.length);
			for (const line of lines) expect(line.text, `${language} ${line.code}`).not.toMatch(/[{}]|missions\.reason_|match\.reason_/);
		}
		expect(reasonLines('fr', { score: 0, reasons: [every[1]] }, new Map()).lines[0].text).toBe('Aucune des compétences demandées (2)');
	});
});
