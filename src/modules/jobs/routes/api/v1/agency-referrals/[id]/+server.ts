import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { AgencyReferralStatusInput, answerAgencyReferral } from '#modules/jobs/counsellors/agency-referrals.service.ts';

/** A counsellor of the agency moves a referral on. */
export const PATCH = apiEndpoint(async ({ locals, request, params }) => {
	const input = await readJson(request, AgencyReferralStatusInput);
	const changed = await answerAgencyReferral(requestContext(await getApp(), locals), params.id ?? '', input);
	return Response.json({ id: params.id ?? '', status: changed?.status ?? input.status, changed: changed !== null });
});
