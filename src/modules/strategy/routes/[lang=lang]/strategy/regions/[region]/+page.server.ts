import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { regions } from '#platform/geo/morocco.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { actionsInRegion } from '#modules/strategy/strategy.service.ts';
import { progressInRegion } from '#modules/strategy/results.service.ts';
import { initiativesInRegion } from '#modules/strategy/initiative-links.service.ts';
import { budgetInRegion } from '#modules/strategy/budget.service.ts';
import { listBodies } from '#modules/strategy/concertation.service.ts';

export async function load({ params, locals }) {
	const region = regions.find((entry) => entry.iso === params.region);
	if (!region) error(404, 'not_found');
	const app = await getApp();
	return {
		region: { iso: region.iso, name: placeNameIn(region, locals.language) }, strategies: await actionsInRegion(app.database.db, region.iso, locals.language),
		progress: await progressInRegion(app.database.db, region.iso, locals.language),
		initiatives: await initiativesInRegion(app.database.db, region.iso, locals.language),
		budget: await budgetInRegion(app.database.db, region.iso, locals.language),
		// the region's concertation bodies, which follow the plans' migration component
		bodies: await listBodies(app.database.db, locals.language, { region: region.iso })
	};
}
