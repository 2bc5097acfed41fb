import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { ReferralStatusInput } from '#platform/casework/casework.schemas.ts';
import { caseloadOfReferral, setReferralStatus } from '#platform/casework/casework.service.ts';
import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/**
 * Moves a referral on, from the programme's side (partners of its organisation) or the referrer's (the agency's
 * counsellors; for a mobility counsellor's referral, the candidate's counsellor or the division).
 */
export const PATCH = apiEndpoint(async ({ locals, request, params }) => {
	const input = await readJson(request, ReferralStatusInput);
	const ctx = requestContext(await getApp(), locals);
	const caseload = (await caseloadOfReferral(ctx.db, params.id ?? '')) === placementFollowUp.key ? placementFollowUp : agencyFollowUp;
	const changed = await setReferralStatus(ctx, caseload, params.id ?? '', input);
	return Response.json({ id: params.id ?? '', status: changed?.status ?? input.status, changed: changed !== null });
});
