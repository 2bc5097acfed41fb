import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { SeekerListQuery } from '#lib/server/jobs/counsellors/counsellors.schemas.ts';
import { listAgencySeekers } from '#lib/server/jobs/counsellors/follow-up.service.ts';

/** The consenting job seekers of the caller's agencies (counsellors; the read is audited). */
export const GET = apiEndpoint(async ({ locals, url }) => {
	const app = await getApp();
	const query = readQuery(url, SeekerListQuery);
	const { total, page, pageSize, items } = await listAgencySeekers(app.database.db, locals.audit, locals.actor, query);
	return Response.json({ total, page, pageSize, items }, { headers: { 'cache-control': 'no-store' } });
});
