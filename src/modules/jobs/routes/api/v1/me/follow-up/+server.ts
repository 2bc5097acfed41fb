import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { agencyView, getMyAgency } from '#modules/jobs/counsellors/agencies.service.ts';
import { myFollowUp } from '#modules/jobs/counsellors/follow-up.service.ts';

/** The caller's agency, appointments and referrals (members). */
export const GET = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	const db = app.database.db;
	const [current, followUp] = await Promise.all([getMyAgency(db, locals.actor), myFollowUp(db, locals.actor, locals.language)]);
	return Response.json(
		{
			agency: current ? agencyView(current.agency) : null,
			appointments: followUp.appointments.map(({ isSample: _sample, ...rest }) => rest),
			referrals: followUp.referrals.map((item) => ({
				id: item.id,
				status: item.status,
				programme: { id: item.programme.id, name: item.programme.name, organisation: item.programme.organisation },
				agency: item.agency,
				counsellor: item.counsellor,
				message: item.message,
				createdAt: item.createdAt,
				statusChangedAt: item.statusChangedAt,
				history: item.history
			}))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
});
