import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { isLanguage } from '#platform/i18n/languages.ts';
import { listSchemes, SchemeQuery } from '#modules/talents/young/support-schemes.ts';

/** The support schemes for young entrepreneurs and investors (route policy: public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	const { lang, ...raw } = Object.fromEntries(url.searchParams);
	return Response.json(await listSchemes(app.database.db, parseOrThrow(SchemeQuery, raw), isLanguage(lang) ? lang : 'fr'));
});
