// Issue #17 rule 6: one documented DAC → theme table; 3-digit categories only when the whole category fits;
// everything else "unclassified", said in the preview (sector_not_mapped, no_theme).
import { describe, expect, it } from 'vitest';
import { problemMessage } from '../validate.ts';
import codelists from './codelists.json' with { type: 'json' };
import { parseIatiFile } from './parse.ts';
import { sectorsLeftUnclassified, sectorThemes, themesOfDac3, themesOfDac5 } from './sector-themes.ts';

async function* chunks(text: string) {
	yield new TextEncoder().encode(text);
}
const parse = (text: string) => parseIatiFile(chunks(text), { maxBytes: 1024 * 1024, maxActivities: 100 });
const activity = (id: string, sectors: string) =>
	`<iati-activity xml:lang="fr" default-currency="EUR"><iati-identifier>XM-TEST-${id}</iati-identifier>` +
	`<title><narrative>Activité ${id}</narrative></title><recipient-country code="MA"/><activity-status code="2"/>${sectors}</iati-activity>`;
const file = (activities: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">${activities}</iati-activities>`;

describe('DAC sector → Atlas theme', () => {
	it('has a reason for every line, and every code of the table exists in the DAC codelist', () => {
		const sectors = codelists.sectors as Record<string, unknown>;
		for (const [code, line] of Object.entries(sectorThemes)) {
			expect(sectors[code], code).toBeDefined();
			expect(line.reason.length, code).toBeGreaterThan(20);
			expect(line.themes.length, code).toBeGreaterThan(0);
		}
		for (const code of Object.keys(sectorsLeftUnclassified)) {
			expect(sectors[code], code).toBeDefined();
			expect(themesOfDac5(code), code).toBeUndefined();
		}
	});

	it('maps the migration codes, leaves social protection and employment unclassified, and gives "Immigration" a theme', () => {
		expect(themesOfDac5('15190')).toEqual(['legal_migration', 'migration_governance']);
		expect(themesOfDac5('15136')).toEqual(['migration_governance']);
		expect(themesOfDac5('24050')).toEqual(['diaspora_investment']);
		expect(themesOfDac5('16010')).toBeUndefined();
		expect(themesOfDac5('16020')).toBeUndefined();
	});

	it('maps a 3-digit category only when the whole category fits', () => {
		// 151 holds 15190 beside fifty general codes; 240 holds 24050 beside banking
		expect(themesOfDac3('151')).toBeUndefined();
		expect(themesOfDac3('240')).toBeUndefined();
		expect(themesOfDac3('160')).toBeUndefined();
		expect(themesOfDac3('999')).toBeUndefined();
	});

	it('shows the moderator which activities stay unclassified in the preview', async () => {
		const parsed = await parse(
			file(
				activity('MIGRATION', '<sector vocabulary="1" code="15190" percentage="60"/><sector vocabulary="1" code="16020" percentage="40"/>') +
					activity('IMMIGRATION', '<sector vocabulary="1" code="15136"/>') +
					activity('JOBS', '<sector vocabulary="1" code="16010" percentage="50"/><sector vocabulary="1" code="16020" percentage="50"/>') +
					activity('CATEGORY', '<sector vocabulary="2" code="151"/>')
			)
		);
		const [migration, immigration, jobs, category] = parsed.activities;
		// employment creation beside the migration code adds no theme: only the migration code's themes
		expect(migration.activity!.input.themes).toEqual(['legal_migration', 'migration_governance']);
		expect(problemMessage('en', migration.problems.find((problem) => problem.code === 'sector_not_mapped')!)).toContain('16020');
		expect(immigration.activity!.input.themes).toEqual(['migration_governance']);
		for (const unclassified of [jobs, category]) {
			expect(unclassified.activity!.input.themes).toEqual([]);
			expect(unclassified.problems.map((problem) => problem.code)).toEqual(expect.arrayContaining(['sector_not_mapped', 'no_theme']));
		}
		expect(problemMessage('fr', jobs.problems.find((problem) => problem.code === 'no_theme')!)).toContain('non classée');
		expect(problemMessage('fr', category.problems.find((problem) => problem.code === 'sector_not_mapped')!)).toContain('151');
	});
});
