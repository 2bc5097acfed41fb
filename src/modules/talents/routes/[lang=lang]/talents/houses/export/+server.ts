import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { csvResponse } from '#platform/ui/charts/csv.ts';
import { HouseQuery, housesCsv, listHouses } from '#modules/talents/directories/directories.ts';

/** The houses and desks as CSV, with the page's filters (public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const found = await listHouses(app.database.db, parseOrThrow(HouseQuery, Object.fromEntries(url.searchParams)), locals.language);
	return csvResponse(housesCsv(found.items), `sharaka-maisons-mre-${new Date().toISOString().slice(0, 10)}.csv`);
});
