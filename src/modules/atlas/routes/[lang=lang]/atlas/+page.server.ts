import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { mayReach } from '#platform/policy/policy.ts';
import { atlasReads } from '#modules/atlas/atlas-reads.ts';
import { initiativeStatuses, initiativeThemes, targetGroups } from '#modules/atlas/atlas.model.ts';
import { sortOrders } from '#modules/atlas/atlas.schemas.ts';
import { regions } from '#platform/geo/morocco.ts';
import { provincesOfRegion } from '#platform/geo/place-choices.ts';
import { regionGeometry } from '#platform/geo/geometry/index.ts';
import { communesInUse, organisationOptions } from '#modules/atlas/web/atlas-pages.server.ts';
import { communeChoiceGroups } from '#platform/geo/communes.ts';
import { activeFilters, EXPORT_FORMATS, exportHref, hasFilters, parseState, readState, stateQuery } from '#modules/atlas/web/filters.ts';

const PAGE_SIZE = 20;

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const atlas = await atlasReads(await getApp());
	const language = locals.language;
	const state = readState(url);
	const parsed = parseState(language, state, PAGE_SIZE);
	const name = (entry: { nameFr: string; nameAr: string; nameEn: string }) =>
		language === 'ar' ? entry.nameAr : language === 'en' ? entry.nameEn : entry.nameFr;

	// results first; the map is a view one switches to (its statistics are only read then)
	const view = url.searchParams.get('view') === 'map' ? 'map' : 'list';
	// a year filter never drops the initiatives whose years are unknown silently: the page counts them
	const yearFiltered = parsed.ok && (parsed.query.from !== undefined || parsed.query.to !== undefined) && parsed.query.undated === 'exclude';
	const [result, map, organisations, undated, communes] = await Promise.all([
		parsed.ok ? atlas.search(parsed.query) : null,
		// The map shows every region for the other filters, so that another region can be chosen.
		parsed.ok && view === 'map' ? atlas.stats('region', { ...parsed.query, region: undefined }) : null,
		atlas.read('organisation options', () => organisationOptions(atlas.db)),
		yearFiltered ? atlas.search({ ...parsed.query, undated: 'only', page: 1, pageSize: 1 }) : null,
		atlas.read('communes in use', () => communesInUse(atlas.db))
	]);
	// the communes some initiative names, and those chosen: all 1,503 would weigh on every list page
	const offered = new Set([...communes, ...state.lists.commune]);

	const exports = EXPORT_FORMATS.flatMap((format) => {
		const plain = { format, hxl: false, href: exportHref(state, format, { lang: language }) };
		return format === 'csv' || format === 'xlsx' ? [plain, { format, hxl: true, href: exportHref(state, format, { lang: language, hxl: true }) }] : [plain];
	});

	return {
		// what the policy lets this person do here (grants included), not a list of roles
		mayImport: mayReach(locals.actor, 'atlas.import'),
		state,
		filterErrors: parsed.ok ? {} : parsed.errors,
		filtered: hasFilters(state),
		view,
		active: activeFilters(state),
		geometry: regionGeometry,
		result: result ?? { total: 0, national: { total: 0, onlyNational: 0 }, page: 1, pageSize: PAGE_SIZE, items: [], facets: null },
		mapValues: Object.fromEntries(
			regions.map((region) => {
				const row = map?.rows.find((entry) => entry.key === region.iso);
				return [region.iso, row ? (state.measure === 'budget' ? row.budgetEur : row.count) : null];
			})
		),
		/** query strings of the same state, for links: without page; and for the region links */
		query: stateQuery(state),
		regionQueries: Object.fromEntries(regions.map((region) => [region.iso, stateQuery(state, { region: [region.iso], province: [], commune: [] })])),
		measureQueries: { count: [stateQuery(state, { measure: 'count' }), 'view=map'].filter(Boolean).join('&'), budget: [stateQuery(state, { measure: 'budget' }), 'view=map'].join('&') },
		/** the other filters as (name, value) pairs, kept by the search box's own form */
		keptWithoutQ: [...new URLSearchParams(stateQuery(state, { q: '' }, { page: false })), ...(view === 'map' ? [['view', 'map']] : [])] as [string, string][],
		viewQueries: { list: stateQuery(state), map: [stateQuery(state), 'view=map'].filter(Boolean).join('&') },
		undatedLeftOut: undated?.total ?? 0,
		undatedQuery: stateQuery(state, { undated: 'include' }),
		nationalQueries: { exclude: stateQuery(state, { national: 'exclude' }), include: stateQuery(state, { national: '' }) },
		exports,
		options: {
			themes: [...initiativeThemes],
			statuses: [...initiativeStatuses],
			targets: [...targetGroups],
			sorts: [...sortOrders],
			regions: regions.map((region) => ({ value: region.iso, label: name(region) })),
			provinces: regions.map((region) => ({
				label: name(region),
				provinces: provincesOfRegion(region.iso, language).map((province) => ({ value: province.iso, label: name(province) }))
			})),
			communes: communeChoiceGroups(language)
				.map((group) => ({ label: group.label, choices: group.choices.filter((choice) => offered.has(choice.value)) }))
				.filter((group) => group.choices.length),
			funders: organisations.funder,
			implementers: organisations.implementer
		}
	};
}
