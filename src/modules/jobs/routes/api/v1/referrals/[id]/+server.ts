import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { ReferralStatusInput } from '#platform/casework/casework.schemas.ts';
import { setReferralStatus } from '#platform/casework/casework.service.ts';
import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';

/** Moves a referral on, from the programme's side (partners of its organisation) or the agency's (its counsellors). */
export const PATCH = apiEndpoint(async ({ locals, request, params }) => {
	const input = await readJson(request, ReferralStatusInput);
	const changed = await setReferralStatus(requestContext(await getApp(), locals), agencyFollowUp, params.id ?? '', input);
	return Response.json({ id: params.id ?? '', status: changed?.status ?? input.status, changed: changed !== null });
});
