import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { atlasReads } from '#modules/atlas/atlas-reads.ts';
import { initiativeThemes } from '#modules/atlas/atlas.model.ts';
import { regions } from '#platform/geo/morocco.ts';
import { regionGeometry } from '#platform/geo/geometry/index.ts';
import { dashboardData } from '#modules/atlas/web/atlas-pages.server.ts';
import { hasFilters, parseState, readState, stateQuery, statisticsState } from '#modules/atlas/web/filters.ts';
import { regionName } from '#modules/atlas/web/dashboard-tables.ts';

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const atlas = await atlasReads(await getApp());
	const language = locals.language;
	const state = readState(url);
	const parsed = parseState(language, statisticsState(state));
	const data = parsed.ok ? await atlas.read(`dashboard ${JSON.stringify(parsed.query)}`, () => dashboardData(atlas.db, parsed.query)) : null;
	return {
		state,
		filterErrors: parsed.ok ? {} : parsed.errors,
		filtered: hasFilters(state),
		dashboard: data,
		geometry: regionGeometry,
		/** the filters as a query string (for the CSV links and the link back to the list) */
		query: stateQuery(state, {}, { sort: false, measure: false }),
		undatedQuery: stateQuery(state, { undated: 'include' }, { sort: false, measure: false }),
		/** the switch between counting the sample initiatives or not */
		sampleQueries: {
			include: stateQuery(state, { sample: 'include' }, { sort: false, measure: false }),
			exclude: stateQuery(state, { sample: '' }, { sort: false, measure: false })
		},
		options: {
			themes: [...initiativeThemes],
			regions: regions.map((region) => ({ value: region.iso, label: regionName(language, region.iso) }))
		}
	};
}
