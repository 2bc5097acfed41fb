import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { isLanguage } from '#platform/i18n/languages.ts';
import { HouseQuery, listHouses } from '#modules/talents/directories/directories.ts';

/** The houses of Moroccans of the world and the MRE desks (route policy: public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	const { lang, ...raw } = Object.fromEntries(url.searchParams);
	return Response.json(await listHouses(app.database.db, parseOrThrow(HouseQuery, raw), isLanguage(lang) ? lang : 'fr'));
});
