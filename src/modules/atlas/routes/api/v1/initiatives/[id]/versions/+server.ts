import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { listVersions } from '#modules/atlas/moderation/moderation.service.ts';

/** The public version history: when, by which organisation, what changed. */
export const GET = apiEndpoint(async ({ params }) => {
	const app = await getApp();
	const history = await listVersions(app.database.db, params.id ?? '');
	return Response.json(history, { headers: { etag: `"${history.currentVersion}"` } });
});
