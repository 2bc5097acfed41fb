import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { ConsentInput } from '#modules/jobs/placement/shortlist.schemas.ts';
import { setIdentityConsent } from '#modules/jobs/placement/shortlist.service.ts';

/** The candidate shares their name and e-mail with a partner of one of their campaigns, or stops sharing them (audited). */
export const PUT = apiEndpoint(async ({ locals, request }) => {
	const result = await setIdentityConsent(requestContext(await getApp(), locals), await readJson(request, ConsentInput));
	return Response.json(result);
});
