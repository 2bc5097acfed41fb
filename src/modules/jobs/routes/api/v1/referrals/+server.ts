import { z } from 'zod';
import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson, readQuery } from '#platform/http/api.ts';
import { seekerEnvOf } from '#modules/jobs/seekers/seekers.service.ts';
import { ReferralInput } from '#modules/jobs/counsellors/counsellors.schemas.ts';
import { referralStatuses } from '#modules/jobs/counsellors/counsellors.model.ts';
import { listReferralsFor, referToProgramme } from '#modules/jobs/counsellors/follow-up.service.ts';
import { referralApiView } from './referral-api.ts';

const ReferralListQuery = z.object({ status: z.enum(referralStatuses).optional() });

/** Referrals the caller may see: of their agencies (counsellors) or to their organisations' programmes (partners). */
export const GET = apiEndpoint(async ({ locals, url }) => {
	const app = await getApp();
	const { status } = readQuery(url, ReferralListQuery);
	const items = await listReferralsFor(app.database.db, locals.audit, locals.actor, locals.language, { status });
	return Response.json({ items: items.map(referralApiView) }, { headers: { 'cache-control': 'no-store' } });
});

/** A counsellor refers a person of their agency to a programme, with the person's agreement. */
export const POST = apiEndpoint(async ({ locals, request }) => {
	const app = await getApp();
	const input = await readJson(request, ReferralInput);
	const created = await referToProgramme(app.database.db, locals.audit, locals.actor, seekerEnvOf(app), input);
	return Response.json({ id: created.id, status: created.status, createdAt: created.createdAt.toISOString() }, { status: 201 });
});
