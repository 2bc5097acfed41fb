import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { DocumentListQuery } from '#modules/knowledge/knowledge.schemas.ts';
import { searchDocuments } from '#modules/knowledge/document.service.ts';

/** Public search of the library (route policy: public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	const result = await searchDocuments(app.database.db, readQuery(url, DocumentListQuery));
	return Response.json(result, { headers: { 'cache-control': 'public, max-age=60' } });
});
