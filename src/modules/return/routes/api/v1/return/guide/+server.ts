import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { GuideQuery } from '#modules/return/return.schemas.ts';
import { listGuide } from '#modules/return/guide.ts';

/** The guide's pages at their current version (route policy: public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { lang, profile } = readQuery(url, GuideQuery);
	const items = (await listGuide(app.database.db, lang ?? locals.language, profile)).map(({ authorLabel: _author, availableLanguages: _languages, ...page }) => page);
	return Response.json({ total: items.length, items });
});
