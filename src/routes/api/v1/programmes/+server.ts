import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { ProgrammeListQuery } from '#lib/server/jobs/support-schemas.ts';
import { publicProgramme, searchProgrammes } from '#lib/server/jobs/support-programmes.service.ts';

/** The public directory of support programmes, with facets. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const query = readQuery(url, ProgrammeListQuery);
	const result = await searchProgrammes(app.database.db, query, locals.language);
	return Response.json({ ...result, items: result.items.map(publicProgramme) });
});
