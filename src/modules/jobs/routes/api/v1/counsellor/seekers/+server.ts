import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { SeekerListQuery } from '#modules/jobs/counsellors/counsellors.schemas.ts';
import { listAgencySeekers } from '#modules/jobs/counsellors/follow-up.service.ts';

/** The consenting job seekers of the caller's agencies (counsellors; the read is audited). */
export const GET = apiEndpoint(async ({ locals, url }) => {
	const app = await getApp();
	const query = readQuery(url, SeekerListQuery);
	const { total, page, pageSize, items } = await listAgencySeekers(app.database.db, locals.audit, locals.actor, query);
	return Response.json({ total, page, pageSize, items }, { headers: { 'cache-control': 'no-store' } });
});
