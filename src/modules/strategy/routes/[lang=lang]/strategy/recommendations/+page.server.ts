import { getApp } from '#platform/app.ts';
import { readQuery } from '#platform/http/api.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listRecommendations, RecommendationFilters } from '#modules/strategy/recommendations.service.ts';
import { recommendationHorizons, recommendationKinds, recommendationStatuses } from '#modules/strategy/strategy.model.ts';
import { bodyOptions } from '#modules/strategy/concertation-form.ts';

/** The recommendations tracker: every recommendation followed, by horizon and state (public). */
export async function load({ url, locals }) {
	const app = await getApp();
	let filters: RecommendationFilters = {};
	let invalid = false;
	try {
		filters = readQuery(url, RecommendationFilters);
	} catch (failure) {
		// a filter the page never offers (an edited address): everything, and a notice
		if (!isAppError(failure)) throw failure;
		invalid = true;
	}
	const { items, counts } = await listRecommendations(app.database.db, filters, locals.language);
	return {
		items,
		counts,
		invalid,
		values: { status: filters.status ?? '', horizon: filters.horizon ?? '', source: filters.source ?? '', body: filters.body ?? '', kind: filters.kind ?? '' },
		horizons: recommendationHorizons,
		kinds: recommendationKinds,
		bodies: (await bodyOptions(app.database.db, locals.language)).map(({ slug, label, lang }) => ({ value: slug, label, lang })),
		statuses: recommendationStatuses,
		canTrack: requestContext(app, locals).can('strategy.track_recommendations'),
		search: url.searchParams.toString()
	};
}
