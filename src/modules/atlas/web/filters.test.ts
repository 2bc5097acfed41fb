import { describe, expect, it } from 'vitest';
import { activeFilters, exportHref, hasFilters, parseState, readState, stateQuery } from './filters.ts';

const state = (query: string) => readState(new URL(`http://x/fr/atlas?${query}`));

describe('the Atlas filter state in the URL', () => {
	it('reads repeated and comma-separated values, drops empty form fields, keeps the page and the map measure', () => {
		const read = state('q=+emploi+&theme=south_south&theme=research_data,south_south&region=&province=&from=2010&to=&sort=title&measure=budget&page=3');
		expect(read.lists.theme).toEqual(['south_south', 'research_data']);
		expect(read.lists.region).toEqual([]);
		expect(read.single).toMatchObject({ q: 'emploi', from: '2010', to: '' });
		expect(read).toMatchObject({ sort: 'title', measure: 'budget', page: 3 });
		expect(state('measure=other&page=-2')).toMatchObject({ measure: 'count', page: 1 });
	});

	it('validates with the API schema: a good filter becomes a query, a wrong one a localised message', () => {
		const ok = parseState('fr', state('theme=south_south&region=MA-02&from=2010&budgetMin=1000'), 20);
		expect(ok.ok && ok.query).toMatchObject({ theme: ['south_south'], region: ['MA-02'], from: 2010, budgetMin: 1000, pageSize: 20, page: 1, lang: 'fr' });
		const wrong = parseState('fr', state('region=MA-99&from=abc'));
		expect(wrong.ok).toBe(false);
		if (!wrong.ok) {
			expect(Object.keys(wrong.errors).some((key) => key.startsWith('region'))).toBe(true);
			expect(Object.values(wrong.errors).every((message) => message.length > 0 && !message.includes('⟦'))).toBe(true);
		}
	});

	it('writes the state back: a region link replaces the region and the province, keeps the rest, resets the page', () => {
		const read = state('q=emploi&theme=south_south&theme=research_data&region=MA-01&province=MA-TNG&sort=budget&page=4');
		const query = new URLSearchParams(stateQuery(read, { region: ['MA-02'], province: [] }));
		expect(query.getAll('theme')).toEqual(['south_south', 'research_data']);
		expect(query.getAll('region')).toEqual(['MA-02']);
		expect(query.has('province')).toBe(false);
		expect(query.get('q')).toBe('emploi');
		expect(query.get('sort')).toBe('budget');
		expect(query.has('page')).toBe(false);
		expect(new URLSearchParams(stateQuery(read, {}, { page: true })).get('page')).toBe('4');
	});

	it('links the open-data export to the same filter (without sort, page or map measure), with the HXL option', () => {
		const read = state('theme=south_south&region=MA-02&sort=title&measure=budget&page=2');
		const href = exportHref(read, 'csv', { hxl: true, lang: 'ar' });
		const url = new URL(href, 'http://x');
		expect(url.pathname).toBe('/api/v1/initiatives');
		expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'csv', lang: 'ar', hxl: '1', theme: 'south_south', region: 'MA-02' });
		expect(new URL(exportHref(read, 'iati'), 'http://x').searchParams.has('hxl')).toBe(false);
	});

	it('knows whether any filter is set', () => {
		expect(hasFilters(state('sort=title&measure=budget&sample=include'))).toBe(false);
		expect(hasFilters(state('sample=exclude'))).toBe(true);
		expect(hasFilters(state('status=ongoing'))).toBe(true);
	});

	it('lists the filters in force, each with the link that removes it alone; defaults are not filters', () => {
		const read = state('q=emploi&region=MA-01&region=MA-02&national=exclude&sample=include&sort=title&page=2');
		const active = activeFilters(read);
		expect(active.map((filter) => `${filter.name}=${filter.value}`)).toEqual(['q=emploi', 'region=MA-01', 'region=MA-02', 'national=exclude']);
		expect(active.find((filter) => filter.value === 'MA-01')?.withoutIt).toBe('q=emploi&region=MA-02&national=exclude&sample=include&sort=title');
		expect(active.find((filter) => filter.name === 'national')?.withoutIt).toBe('q=emploi&region=MA-01&region=MA-02&sample=include&sort=title');
		expect(hasFilters(state('national=include&sample=include'))).toBe(false);
		expect(hasFilters(state('national=exclude'))).toBe(true);
	});
});
