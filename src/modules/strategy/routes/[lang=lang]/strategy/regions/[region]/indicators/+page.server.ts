import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { regions } from '#platform/geo/morocco.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { regionOverview } from '#modules/strategy/strategy-read-model.ts';
import { completeness, rowsOf } from '#modules/strategy/region-progress.ts';

/** Indicators a page. */
const PAGE_SIZE = 50;

/** Every indicator with approved values in a region (published strategies), by strategy and code, in pages. */
export async function load({ params, url, locals }) {
	const region = regions.find((entry) => entry.iso === params.region);
	if (!region) error(404, 'not_found');
	const app = await getApp();
	const { progress } = await regionOverview(app.database.db, region.iso, locals.language);
	const pages = Math.max(1, Math.ceil(progress.length / PAGE_SIZE));
	const asked = Number(url.searchParams.get('page') ?? '1');
	// a page number the list does not have (an edited address): its first or last page
	const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
	return {
		region: { iso: region.iso, name: placeNameIn(region, locals.language) },
		rows: rowsOf(progress.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)),
		completeness: completeness(progress),
		page,
		pageSize: PAGE_SIZE
	};
}
