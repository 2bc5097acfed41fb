import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { RightsLanguageQuery } from '#modules/jobs/support-schemas.ts';
import { getRightsPage, rightsPageDetailView } from '#modules/jobs/support-rights.service.ts';

/** One rights page at its current version, in the language asked. */
export const GET = apiEndpoint(async ({ url, params, locals }) => {
	const app = await getApp();
	const { lang } = readQuery(url, RightsLanguageQuery);
	const found = await getRightsPage(app.database.db, params.slug ?? '');
	return Response.json(rightsPageDetailView(found.page, found.version, found.latest, lang ?? locals.language));
});
