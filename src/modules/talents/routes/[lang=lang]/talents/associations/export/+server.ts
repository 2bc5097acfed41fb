import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { csvResponse } from '#platform/ui/charts/csv.ts';
import { AssociationQuery, associationsCsv, listAssociations } from '#modules/talents/directories/directories.ts';

/** The diaspora associations as CSV, with the page's filters (public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const found = await listAssociations(app.database.db, parseOrThrow(AssociationQuery, Object.fromEntries(url.searchParams)), locals.language);
	return csvResponse(associationsCsv(found.items), `sharaka-associations-diaspora-${new Date().toISOString().slice(0, 10)}.csv`);
});
