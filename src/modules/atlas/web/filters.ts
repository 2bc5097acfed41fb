// The Atlas pages' filter state: read from the URL (repeated parameters = several values), validated
// with the API's own schema (InitiativeQuery), and written back as query strings for links (map regions,
// pagination, facets, open-data exports). Pure functions: no database, no Svelte.
import { InitiativeQuery, statisticsSampleDefault, type InitiativeQuery as Query } from '#modules/atlas/atlas.schemas.ts';
import { fieldProblems } from '#platform/http/validation.ts';
import { localiseProblems } from '#platform/http/form.ts';
import type { Language } from '#platform/i18n/languages.ts';

/** Filters that may hold several values (checkboxes, repeated parameters). */
export const LIST_FILTERS = ['theme', 'region', 'province', 'commune', 'country', 'status', 'funder', 'implementer', 'target'] as const;
/** Filters with one value. */
export const SINGLE_FILTERS = ['q', 'from', 'to', 'undated', 'budgetMin', 'budgetMax', 'national', 'components', 'sample'] as const;
/** Single filters whose default value filters nothing (written or not, the same list). */
const DEFAULTS: Partial<Record<(typeof SINGLE_FILTERS)[number], string>> = { national: 'include', sample: 'include', components: 'include', undated: 'exclude' };
const atDefault = (name: (typeof SINGLE_FILTERS)[number], value: string) => value === '' || DEFAULTS[name] === value;
/** Every filter, in the order they appear in URLs (the open-data export takes exactly these). */
export const FILTER_NAMES = [...SINGLE_FILTERS.slice(0, 1), ...LIST_FILTERS, ...SINGLE_FILTERS.slice(1)] as const;

export type ListFilter = (typeof LIST_FILTERS)[number];
export type FilterState = {
	/** The values as typed, to refill the form: lists for the list filters, text for the others. */
	lists: Record<ListFilter, string[]>;
	single: Record<(typeof SINGLE_FILTERS)[number], string>;
	sort: string;
	measure: 'count' | 'budget';
	page: number;
};

/** The raw filter values of the URL (empty values dropped, lists kept in order without duplicates). */
export function readState(url: URL): FilterState {
	const params = url.searchParams;
	const lists = Object.fromEntries(
		LIST_FILTERS.map((name) => [
			name,
			[...new Set(params.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean))]
		])
	) as Record<ListFilter, string[]>;
	const single = Object.fromEntries(SINGLE_FILTERS.map((name) => [name, (params.get(name) ?? '').trim()])) as FilterState['single'];
	const page = Number(params.get('page'));
	return {
		lists,
		single,
		sort: (params.get('sort') ?? '').trim(),
		measure: params.get('measure') === 'budget' ? 'budget' : 'count',
		page: Number.isInteger(page) && page > 1 ? page : 1
	};
}

/**
 * The validated query for searchInitiatives/atlasStats, or the localised problems (field → message).
 * `pageSize` is the page's own (not taken from the URL).
 */
export function parseState(
	language: Language,
	state: FilterState,
	pageSize = 20
): { ok: true; query: Query } | { ok: false; errors: Record<string, string> } {
	const raw: Record<string, unknown> = { ...state.single, sort: state.sort, page: String(state.page), pageSize: String(pageSize), lang: language };
	for (const name of LIST_FILTERS) if (state.lists[name].length) raw[name] = state.lists[name];
	const result = InitiativeQuery.safeParse(raw, { reportInput: true });
	if (result.success) return { ok: true, query: result.data };
	return { ok: false, errors: localiseProblems(language, fieldProblems(result.error.issues)) };
}

type Overrides = Partial<Record<ListFilter, string[]>> & Partial<Record<(typeof SINGLE_FILTERS)[number] | 'sort' | 'measure' | 'page', string>>;

/**
 * The query string of the state (empty values left out, page 1 left out), with some filters replaced.
 * `include` chooses the extra parameters: the list page keeps sort and measure; exports take filters only.
 */
export function stateQuery(state: FilterState, overrides: Overrides = {}, include: { sort?: boolean; measure?: boolean; page?: boolean } = {}): string {
	const params = new URLSearchParams();
	for (const name of FILTER_NAMES) {
		const value = overrides[name] ?? (LIST_FILTERS.includes(name as ListFilter) ? state.lists[name as ListFilter] : state.single[name as keyof FilterState['single']]);
		for (const item of Array.isArray(value) ? value : [value]) if (item) params.append(name, item);
	}
	if (include.sort !== false) {
		const sort = overrides.sort ?? state.sort;
		if (sort) params.set('sort', sort);
	}
	if (include.measure !== false) {
		const measure = overrides.measure ?? state.measure;
		if (measure === 'budget') params.set('measure', measure);
	}
	if (include.page) {
		const page = overrides.page ?? String(state.page);
		if (page && page !== '1') params.set('page', page);
	}
	return params.toString();
}

/** `?query` or '' — for hrefs. */
export function withQuery(path: string, query: string): string {
	return query ? `${path}?${query}` : path;
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'iati'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The open-data export of the same filter: `/api/v1/initiatives?format=…&<filters>` (HXL row optional for CSV/XLSX). */
export function exportHref(state: FilterState, format: ExportFormat, options: { hxl?: boolean; lang?: Language } = {}): string {
	const filters = stateQuery(state, {}, { sort: false, measure: false });
	const extra = new URLSearchParams({ format });
	if (options.lang) extra.set('lang', options.lang);
	if (options.hxl) extra.set('hxl', '1');
	return `/api/v1/initiatives?${[extra.toString(), filters].filter(Boolean).join('&')}`;
}

/** Whether any filter (not sort, measure, page) is set. */
export function hasFilters(state: FilterState): boolean {
	return LIST_FILTERS.some((name) => state.lists[name].length > 0) || SINGLE_FILTERS.some((name) => !atDefault(name, state.single[name]));
}

/** One filter value in force, with the query string of the same state without it (the "remove" link). */
export type ActiveFilter = { name: ListFilter | (typeof SINGLE_FILTERS)[number]; value: string; withoutIt: string };

/** The filter values in force, in URL order, each with the link that removes it (page back to 1). */
export function activeFilters(state: FilterState): ActiveFilter[] {
	const active: ActiveFilter[] = [];
	for (const name of FILTER_NAMES) {
		if (LIST_FILTERS.includes(name as ListFilter)) {
			const values = state.lists[name as ListFilter];
			for (const value of values) active.push({ name, value, withoutIt: stateQuery(state, { [name]: values.filter((other) => other !== value) }) });
		} else {
			const single = name as (typeof SINGLE_FILTERS)[number];
			const value = state.single[single];
			if (atDefault(single, value)) continue;
			active.push({ name: single, value, withoutIt: stateQuery(state, { [single]: '' }) });
		}
	}
	return active;
}

/** The state for statistics: sample initiatives left out unless the URL says otherwise. */
export function statisticsState(state: FilterState): FilterState {
	return state.single.sample ? state : { ...state, single: { ...state.single, sample: statisticsSampleDefault } };
}
