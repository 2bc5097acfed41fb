import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myCasework } from '#platform/casework/casework.service.ts';
import { agencyView, getMyAgency } from '#modules/jobs/counsellors/agencies.service.ts';
import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';
import { referralApiView } from '../../referrals/referral-api.ts';

/** The caller's agency, appointments and referrals (members). */
export const GET = apiEndpoint(async ({ locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const [current, followUp] = await Promise.all([getMyAgency(ctx), myCasework(ctx, agencyFollowUp)]);
	return Response.json(
		{
			agency: current ? agencyView(current.agency) : null,
			appointments: followUp.appointments.map((item) => ({
				id: item.id,
				startsAt: item.startsAt,
				mode: item.mode,
				purpose: item.purpose,
				status: item.status,
				counsellor: item.staff,
				agency: item.team.name
			})),
			referrals: followUp.referrals.map(referralApiView)
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
});
