import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { isLanguage } from '#platform/i18n/languages.ts';
import { AssociationQuery, listAssociations } from '#modules/talents/directories/directories.ts';

/** The diaspora associations, with their networks (route policy: public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	const { lang, ...raw } = Object.fromEntries(url.searchParams);
	return Response.json(await listAssociations(app.database.db, parseOrThrow(AssociationQuery, raw), isLanguage(lang) ? lang : 'fr'));
});
