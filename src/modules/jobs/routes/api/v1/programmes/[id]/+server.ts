import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { getProgramme, publicProgramme } from '#modules/jobs/support-programmes.service.ts';

/** One active programme (archived ones answer 404). */
export const GET = apiEndpoint(async ({ params }) => {
	const app = await getApp();
	return Response.json(publicProgramme(await getProgramme(app.database.db, params.id ?? '', null)));
});
