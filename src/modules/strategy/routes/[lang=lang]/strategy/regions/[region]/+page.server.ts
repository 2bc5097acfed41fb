import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { placeByCode, placeName } from '#modules/strategy/places.ts';
import { bodiesOfRegion } from '#modules/strategy/concertation.service.ts';
import { regionOverview } from '#modules/strategy/strategy-read-model.ts';
import { completeness, mostRecentFirst, rowsOf } from '#modules/strategy/region-progress.ts';

/** Each strategy lists this many of its actions in the region; the rest are on its page filtered by the region. */
const ACTIONS_LISTED = 30;
/** The indicators' progress lists this many, the most recent values first; all are on the region's indicators' page. */
const PROGRESS_LISTED = 20;

export async function load({ params, locals }) {
	// a region of any strategy country: Morocco's, or those of Côte d'Ivoire, Mali and Senegal
	const region = placeByCode(params.region);
	if (!region) error(404, 'not_found');
	const app = await getApp();
	const db = app.database.db;
	const [overview, concertation] = await Promise.all([
		// the actions, values, budget and initiatives on the ground there, from the read model (the initiatives' titles read per request)
		regionOverview(db, region.iso, locals.language),
		// the region's concertation bodies (Morocco's, or a partner country's), which follow the plans' migration
		// component, and for whoever manages its country's bodies an offer to create one here
		bodiesOfRegion(requestContext(app, locals), region)
	]);
	const strategies = overview.strategies.map((entry) => ({ ...entry, actions: entry.actions.slice(0, ACTIONS_LISTED), count: entry.actions.length }));
	return { region: { iso: region.iso, country: region.country, name: placeName(region, locals.language).text, nameLang: placeName(region, locals.language).lang }, strategies, progress: rowsOf(mostRecentFirst(overview.progress).slice(0, PROGRESS_LISTED)), completeness: completeness(overview.progress), initiatives: overview.initiatives, budget: overview.budget, bodies: concertation.bodies, canCreateBody: concertation.canCreate };
}
