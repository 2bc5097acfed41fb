import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readJson } from '#lib/server/http/api.ts';
import { seekerEnvOf } from '#lib/server/jobs/seekers/seekers.service.ts';
import { ReferralStatusInput } from '#lib/server/jobs/counsellors/counsellors.schemas.ts';
import { setReferralStatus } from '#lib/server/jobs/counsellors/follow-up.service.ts';

/** Moves a referral on, from the programme's side (partners of its organisation) or the agency's (its counsellors). */
export const PATCH = apiEndpoint(async ({ locals, request, params }) => {
	const app = await getApp();
	const input = await readJson(request, ReferralStatusInput);
	const changed = await setReferralStatus(app.database.db, locals.audit, locals.actor, seekerEnvOf(app), params.id ?? '', input);
	return Response.json({ id: params.id ?? '', status: changed?.status ?? input.status, changed: changed !== null });
});
