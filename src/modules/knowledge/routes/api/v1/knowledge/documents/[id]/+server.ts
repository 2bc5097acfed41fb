import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { getDocument } from '#modules/knowledge/document.service.ts';

/** One document of the library, by id or slug (public), its linked initiatives and actions named in the request's language. */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const doc = await getDocument(app.database.db, params.id ?? '', locals.language);
	if (!doc) throw new AppError('not_found');
	return Response.json(doc, { headers: { 'cache-control': 'public, max-age=60', vary: 'Accept-Language' } });
});
