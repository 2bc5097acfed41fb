import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { RightsLanguageQuery } from '#lib/server/jobs/support-schemas.ts';
import { getRightsPage, rightsPageDetailView } from '#lib/server/jobs/support-rights.service.ts';

/** One rights page at its current version, in the language asked. */
export const GET = apiEndpoint(async ({ url, params, locals }) => {
	const app = await getApp();
	const { lang } = readQuery(url, RightsLanguageQuery);
	const found = await getRightsPage(app.database.db, params.slug ?? '');
	return Response.json(rightsPageDetailView(found.page, found.version, found.latest, lang ?? locals.language));
});
