import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { getDirectoryEntry, publicDirectoryEntry } from '#platform/directory/directory.service.ts';
import { supportProgrammes } from '#modules/jobs/programmes.ts';

/** One active programme (archived ones answer 404). */
export const GET = apiEndpoint(async ({ params }) => {
	const app = await getApp();
	return Response.json(publicDirectoryEntry(await getDirectoryEntry(app.database.db, supportProgrammes, params.id ?? '', null)));
});
