import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { seekerEnvOf } from '#modules/jobs/seekers/seekers.service.ts';
import { ReferralStatusInput } from '#modules/jobs/counsellors/counsellors.schemas.ts';
import { setReferralStatus } from '#modules/jobs/counsellors/follow-up.service.ts';

/** Moves a referral on, from the programme's side (partners of its organisation) or the agency's (its counsellors). */
export const PATCH = apiEndpoint(async ({ locals, request, params }) => {
	const app = await getApp();
	const input = await readJson(request, ReferralStatusInput);
	const changed = await setReferralStatus(app.database.db, locals.audit, locals.actor, seekerEnvOf(app), params.id ?? '', input);
	return Response.json({ id: params.id ?? '', status: changed?.status ?? input.status, changed: changed !== null });
});
