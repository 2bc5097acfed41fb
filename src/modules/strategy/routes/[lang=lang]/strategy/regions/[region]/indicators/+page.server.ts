import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { placeByCode, placeName } from '#modules/strategy/places.ts';
import { regionOverview } from '#modules/strategy/strategy-read-model.ts';
import { completeness, rowsOf } from '#modules/strategy/region-progress.ts';

/** Indicators a page. */
const PAGE_SIZE = 50;

/** Every indicator with approved values in a region (published strategies), by strategy and code, in pages. */
export async function load({ params, url, locals }) {
	// a region of any strategy country: Morocco's, or those of Côte d'Ivoire, Mali and Senegal
	const region = placeByCode(params.region);
	if (!region) error(404, 'not_found');
	const app = await getApp();
	const { progress } = await regionOverview(app.database.db, region.iso, locals.language);
	const pages = Math.max(1, Math.ceil(progress.length / PAGE_SIZE));
	const asked = Number(url.searchParams.get('page') ?? '1');
	// a page number the list does not have (an edited address): its first or last page
	const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
	return {
		region: { iso: region.iso, country: region.country, name: placeName(region, locals.language).text, nameLang: placeName(region, locals.language).lang },
		rows: rowsOf(progress.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)),
		completeness: completeness(progress),
		page,
		pageSize: PAGE_SIZE
	};
}
