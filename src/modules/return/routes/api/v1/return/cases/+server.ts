import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listReintegrationCases } from '#modules/return/reintegration.ts';

/** The cases of the case worker's own operators (route policy: return.case.work; an audited read). */
export const GET = apiEndpoint(async ({ locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const items = (await listReintegrationCases(ctx)).map(({ needs: _needs, consentRecordedBy: _by, ...row }) => row);
	return Response.json({ total: items.length, items });
});
