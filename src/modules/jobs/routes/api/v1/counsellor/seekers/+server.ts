import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { SeekerListQuery } from '#modules/jobs/counsellors/counsellors.schemas.ts';
import { listAgencySeekers } from '#modules/jobs/counsellors/follow-up.service.ts';

/** The consenting job seekers of the caller's agencies (counsellors; the read is audited). */
export const GET = apiEndpoint(async ({ locals, url }) => {
	const query = readQuery(url, SeekerListQuery);
	const { total, page, pageSize, items } = await listAgencySeekers(requestContext(await getApp(), locals), query);
	return Response.json({ total, page, pageSize, items }, { headers: { 'cache-control': 'no-store' } });
});
