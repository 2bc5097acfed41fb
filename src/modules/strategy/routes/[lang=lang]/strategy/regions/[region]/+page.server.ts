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
	const db = app.database.db;
	const [strategies, progress, initiatives, budget, bodies] = await Promise.all([
		actionsInRegion(db, region.iso, locals.language),
		progressInRegion(db, region.iso, locals.language),
		initiativesInRegion(db, region.iso, locals.language),
		budgetInRegion(db, region.iso, locals.language),
		// the region's concertation bodies, which follow the plans' migration component
		listBodies(db, locals.language, { region: region.iso })
	]);
	return { region: { iso: region.iso, name: placeNameIn(region, locals.language) }, strategies, progress, initiatives, budget, bodies };
}
