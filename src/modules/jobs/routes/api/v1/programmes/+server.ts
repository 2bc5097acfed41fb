import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { ProgrammeListQuery } from '#modules/jobs/support-schemas.ts';
import { publicDirectoryEntry, searchDirectory } from '#platform/directory/directory.service.ts';
import { programmeQuery, supportProgrammes } from '#modules/jobs/programmes.ts';

/** The public directory of support programmes, with facets. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const query = readQuery(url, ProgrammeListQuery);
	const result = await searchDirectory(app.database.db, supportProgrammes, programmeQuery(query), locals.language);
	return Response.json({ ...result, items: result.items.map(publicDirectoryEntry) });
});
