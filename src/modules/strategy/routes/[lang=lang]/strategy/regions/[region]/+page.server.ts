import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { regions } from '#platform/geo/morocco.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { initiativesInRegion } from '#modules/strategy/initiative-links.service.ts';
import { listBodies } from '#modules/strategy/concertation.service.ts';
import { regionOverview } from '#modules/strategy/strategy-read-model.ts';
import { completeness, mostRecentFirst, rowsOf } from '#modules/strategy/region-progress.ts';

/** Each strategy lists this many of its actions in the region; the rest are on its page filtered by the region. */
const ACTIONS_LISTED = 30;
/** The indicators' progress lists this many, the most recent values first; all are on the region's indicators' page. */
const PROGRESS_LISTED = 20;

export async function load({ params, locals }) {
	const region = regions.find((entry) => entry.iso === params.region);
	if (!region) error(404, 'not_found');
	const app = await getApp();
	const db = app.database.db;
	const [overview, initiatives, bodies] = await Promise.all([
		regionOverview(db, region.iso, locals.language),
		initiativesInRegion(db, region.iso, locals.language),
		// the region's concertation bodies, which follow the plans' migration component
		listBodies(db, locals.language, { region: region.iso })
	]);
	const strategies = overview.strategies.map((entry) => ({ ...entry, actions: entry.actions.slice(0, ACTIONS_LISTED), count: entry.actions.length }));
	return { region: { iso: region.iso, name: placeNameIn(region, locals.language) }, strategies, progress: rowsOf(mostRecentFirst(overview.progress).slice(0, PROGRESS_LISTED)), completeness: completeness(overview.progress), initiatives, budget: overview.budget, bodies };
}
