import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { RightsLanguageQuery } from '#modules/jobs/support-schemas.ts';
import { listRightsPages, rightsPageView } from '#modules/jobs/support-rights.service.ts';

/** Every rights page at its current version, in the language asked. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { lang } = readQuery(url, RightsLanguageQuery);
	const language = lang ?? locals.language;
	const pages = await listRightsPages(app.database.db);
	const items = pages.map(({ page, version }) => rightsPageView(page, version, language));
	return Response.json({ total: items.length, items });
});
