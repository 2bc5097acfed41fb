import { getApp } from '#lib/server/app.ts';
import { apiEndpoint } from '#lib/server/http/api.ts';
import { getInitiative } from '#lib/server/atlas/initiative.service.ts';

/** One initiative, by id or slug, with its `ETag` (the published version number). */
export const GET = apiEndpoint(async ({ params, request }) => {
	const app = await getApp();
	const detail = await getInitiative(app.database.db, params.id ?? '');
	const etag = `"${detail.version}"`;
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
	return Response.json(detail, { headers: { etag } });
});
