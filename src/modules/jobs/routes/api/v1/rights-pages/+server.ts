import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { contentPageSummary, listContentPages } from '#platform/content/content-pages.service.ts';
import { RightsLanguageQuery } from '#modules/jobs/support-schemas.ts';
import { rightsPages } from '#modules/jobs/rights-pages.ts';

/** Every rights page at its current version, in the language asked. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { lang } = readQuery(url, RightsLanguageQuery);
	const language = lang ?? locals.language;
	const items = (await listContentPages(app.database.db, rightsPages)).map(({ page, version }) => contentPageSummary(rightsPages, page, version, language));
	return Response.json({ total: items.length, items });
});
