import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { atlasReads } from '#modules/atlas/atlas-reads.ts';
import { initiativeThemes } from '#modules/atlas/atlas.model.ts';
import { listGoodPractices } from '#modules/atlas/initiative.service.ts';
import { regions } from '#platform/geo/morocco.ts';
import { regionName } from '#modules/atlas/web/dashboard-tables.ts';
import { hasFilters, parseState, readState } from '#modules/atlas/web/filters.ts';

/** The good practices to redeploy that moderators marked, with their reasons, filtered by theme and region. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const atlas = await atlasReads(await getApp());
	const state = readState(url);
	const parsed = parseState(locals.language, state);
	const practices = parsed.ok ? await atlas.read(`good practices ${JSON.stringify(parsed.query)}`, () => listGoodPractices(atlas.db, parsed.query)) : [];
	return {
		state,
		filterErrors: parsed.ok ? {} : parsed.errors,
		filtered: hasFilters(state),
		practices: practices.map((entry) => ({ ...entry, markedAt: entry.markedAt?.toISOString() ?? null })),
		options: {
			themes: [...initiativeThemes],
			regions: regions.map((region) => ({ value: region.iso, label: regionName(locals.language, region.iso) }))
		}
	};
}
