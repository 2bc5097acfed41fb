import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { getInitiative } from '#modules/atlas/initiative.service.ts';

/**
 * One initiative, by id or slug, with its `ETag` (the published version number, for `If-Match` on
 * proposals). No 304 on `If-None-Match`: the EUR and MAD figures follow the exchange-rate table, which
 * changes without a new version, so the version alone cannot say the answer is unchanged.
 */
export const GET = apiEndpoint(async ({ params }) => {
	const app = await getApp();
	const detail = await getInitiative(app.database.db, params.id ?? '');
	const etag = `"${detail.version}"`;
	return Response.json(detail, { headers: { etag } });
});
