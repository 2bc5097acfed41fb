import { describe, expect, it } from 'vitest';
import { InitiativeInput, type InitiativeData } from '../atlas.schemas.ts';
import { fieldKeys, fieldValue, reconcile, withFieldValue } from './provenance.ts';

const base = InitiativeInput.parse({
	title: { fr: 'Titre du fichier', en: 'File title' },
	status: 'ongoing',
	plannedStart: '2022-01-01',
	plannedEnd: '2025-12-31',
	regions: ['MA-04'],
	provinces: ['MA-RAB'],
	budget: { total: 100, currency: 'EUR' },
	organisations: [
		{ organisation: 'giz', role: 'implementer' },
		{ organisation: 'bmz', role: 'funder', amount: 100 }
	]
});
const edit = (data: InitiativeData, change: Partial<InitiativeData>): InitiativeData => ({ ...data, ...change });

describe('per-field provenance (issue #17 rule 14)', () => {
	it('names texts by language and groups the dates and the countries', () => {
		const keys = fieldKeys(base, edit(base, { summary: { ar: 'ملخص' } }));
		expect(keys).toEqual(expect.arrayContaining(['title.en', 'title.fr', 'summary.ar', 'dates', 'countries', 'status', 'budget']));
		expect(keys).not.toContain('slug');
		expect(keys).not.toContain('iatiIdentifier');
		expect(fieldValue(base, 'dates')).toMatchObject({ plannedStart: '2022-01-01', plannedEnd: '2025-12-31', actualStart: null });
		// a text set back through its key; an empty value removes the language
		expect(withFieldValue(base, 'title.en', null).title).toEqual({ fr: 'Titre du fichier' });
		expect(withFieldValue(base, 'dates', fieldValue(edit(base, { plannedEnd: '2026-06-30' }), 'dates')).plannedEnd).toBe('2026-06-30');
	});

	it('compares sets regardless of order, a province’s region implied, an amount in the budget’s currency', () => {
		const reordered = edit(base, {
			regions: ['MA-04'],
			organisations: [
				{ organisation: 'bmz', role: 'funder', amount: 100, currency: 'EUR' },
				{ organisation: 'giz', role: 'implementer' }
			]
		});
		expect(reconcile(base, reordered, base, 'atlas')).toEqual({ next: reordered, kept: [], conflicts: [] });
		expect(fieldValue(edit(base, { regions: [] }), 'regions')).toEqual(fieldValue(base, 'regions'));
	});

	it('compares communes as a set, each implying its province (and so its region), and keeps the platform’s communes', () => {
		const withCommune = edit(base, { communes: ['04.421.01.0'] });
		// the file lists the province the commune implies: the same places
		const file = edit(withCommune, { provinces: ['MA-RAB'] });
		expect(fieldValue(edit(base, { provinces: [], communes: ['04.421.01.0'] }), 'provinces')).toEqual(['MA-RAB']);
		expect(fieldKeys(base)).toEqual(expect.arrayContaining(['communes', 'otherPlaces']));
		// a moderator picked a commune and wrote another place since the last import; the file gives the same as then: kept
		const atlas = edit(base, { communes: ['04.421.01.07', '04.421.01.0'], otherPlaces: 'Quartier Hassan' });
		const kept = reconcile(atlas, edit(base, {}), base, 'atlas');
		expect(kept.kept.sort()).toEqual(['communes', 'otherPlaces']);
		expect(kept.next.communes).toEqual(['04.421.01.0', '04.421.01.07']);
		// both changed the communes: a conflict for the moderator
		const both = reconcile(atlas, file, base, 'atlas');
		expect(both.conflicts.map((conflict) => conflict.field)).toEqual(['communes']);
		expect(both.conflicts[0]).toMatchObject({ atlas: ['04.421.01.0', '04.421.01.07'], file: ['04.421.01.0'], lastImport: [] });
	});

	it('without an earlier import, the file wins as before', () => {
		const file = edit(base, { status: 'completed' });
		const atlas = edit(base, { status: 'suspended' });
		expect(reconcile(atlas, file, null, 'atlas')).toEqual({ next: file, kept: [], conflicts: [] });
	});

	it('takes what only the file changed, keeps what only the platform changed, and lists what both changed', () => {
		const atlas = edit(base, { title: { fr: 'Titre corrigé', en: 'File title' }, status: 'suspended' });
		const file = edit(base, { title: { fr: 'Titre du fichier', en: 'New file title' }, status: 'completed', budget: { total: 150, currency: 'EUR' } });
		const atlasWins = reconcile(atlas, file, base, 'atlas');
		expect(atlasWins.next.title).toEqual({ fr: 'Titre corrigé', en: 'New file title' });
		expect(atlasWins.next.budget).toEqual({ total: 150, currency: 'EUR' });
		expect(atlasWins.next.status).toBe('suspended');
		expect(atlasWins.kept).toEqual(['title.fr']);
		expect(atlasWins.conflicts).toEqual([{ field: 'status', lastImport: 'ongoing', atlas: 'suspended', file: 'completed' }]);
		// a partner's proposal carries the file's value; a moderator reviews it
		expect(reconcile(atlas, file, base, 'file').next.status).toBe('completed');
	});
});
