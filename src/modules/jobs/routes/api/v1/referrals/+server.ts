import { z } from 'zod';
import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson, readQuery } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { referralStatuses } from '#platform/casework/casework.model.ts';
import { refer } from '#platform/casework/casework.service.ts';
import { ReferralInput } from '#modules/jobs/counsellors/counsellors.schemas.ts';
import { listReferralsFor } from '#modules/jobs/counsellors/follow-up.service.ts';
import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';
import { referralApiView } from './referral-api.ts';

const ReferralListQuery = z.object({ status: z.enum(referralStatuses).optional() });

/** Referrals the caller may see: of their agencies (counsellors) or to their organisations' programmes (partners). */
export const GET = apiEndpoint(async ({ locals, url }) => {
	const { status } = readQuery(url, ReferralListQuery);
	const items = await listReferralsFor(requestContext(await getApp(), locals), { status });
	return Response.json({ items: items.map(referralApiView) }, { headers: { 'cache-control': 'no-store' } });
});

/** A counsellor refers a person of their agency to a programme, with the person's agreement. */
export const POST = apiEndpoint(async ({ locals, request }) => {
	const { seekerId, programmeId, message, agreed } = await readJson(request, ReferralInput);
	const created = await refer(requestContext(await getApp(), locals), agencyFollowUp, seekerId, { entryId: programmeId, message, agreed });
	return Response.json({ id: created.id, status: created.status, createdAt: created.createdAt.toISOString() }, { status: 201 });
});
