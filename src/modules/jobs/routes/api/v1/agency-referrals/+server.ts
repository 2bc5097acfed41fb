import { z } from 'zod';
import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson, readQuery } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { referralStatuses } from '#platform/casework/casework.model.ts';
import { AgencyReferralInput, agencyReferralApiView, listAgencyReferralsReceived, listAgencyReferralsSent, referToAgency } from '#modules/jobs/counsellors/agency-referrals.service.ts';

const Query = z.object({ status: z.enum(referralStatuses).optional() });

/** Counsellors: the referrals their agencies received; associations' partners: those their organisations sent. */
export const GET = apiEndpoint(async ({ locals, url }) => {
	const { status } = readQuery(url, Query);
	const ctx = requestContext(await getApp(), locals);
	const items = ctx.can('counsellors.follow_up') ? await listAgencyReferralsReceived(ctx, { status }) : await listAgencyReferralsSent(ctx, { status });
	return Response.json({ items: items.map(agencyReferralApiView) }, { headers: { 'cache-control': 'no-store' } });
});

/** An association refers a person (their account's e-mail) to an agency, with the person's agreement. */
export const POST = apiEndpoint(async ({ locals, request }) => {
	const input = await readJson(request, AgencyReferralInput);
	const created = await referToAgency(requestContext(await getApp(), locals), input);
	return Response.json({ id: created.id, status: created.status, createdAt: created.createdAt.toISOString() }, { status: 201 });
});
