import { getApp } from '#lib/server/app.ts';
import { apiEndpoint } from '#lib/server/http/api.ts';
import { listVersions } from '#lib/server/atlas/moderation/moderation.service.ts';

/** The public version history: when, by which organisation, what changed. */
export const GET = apiEndpoint(async ({ params }) => {
	const app = await getApp();
	const history = await listVersions(app.database.db, params.id ?? '');
	return Response.json(history, { headers: { etag: `"${history.currentVersion}"` } });
});
