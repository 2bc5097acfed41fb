import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { contentPageDetail, getContentPage } from '#platform/content/content-pages.service.ts';
import { RightsLanguageQuery } from '#modules/jobs/support-schemas.ts';
import { rightsPages } from '#modules/jobs/rights-pages.ts';

/** One rights page at its current version, in the language asked. */
export const GET = apiEndpoint(async ({ url, params, locals }) => {
	const app = await getApp();
	const { lang } = readQuery(url, RightsLanguageQuery);
	const found = await getContentPage(app.database.db, rightsPages, params.slug ?? '');
	return Response.json(contentPageDetail(rightsPages, found.page, found.version, found.latest, lang ?? locals.language));
});
