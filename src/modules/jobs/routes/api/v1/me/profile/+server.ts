import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { ProfilePut } from '#modules/jobs/seekers/seekers.schemas.ts';
import { getOwnProfile, profileView, saveProfile, setConsent } from '#modules/jobs/seekers/seekers.service.ts';

const noStore = { 'cache-control': 'no-store' };

/** The caller's job-seeker profile (route policy: 'seekers.profile.manage_own'). */
export const GET = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	const profile = await getOwnProfile(requestContext(app, locals));
	if (!profile) throw new AppError('not_found');
	return Response.json(profileView(profile), { headers: noStore });
});

/** Creates or replaces the profile; `consent` (optional) gives, changes or withdraws (null) consent. */
export const PUT = apiEndpoint(async ({ request, locals }) => {
	const app = await getApp();
	const body = await readJson(request, ProfilePut);
	await saveProfile(requestContext(app, locals), body);
	let profile = await getOwnProfile(requestContext(app, locals));
	if (body.consent !== undefined) profile = await setConsent(requestContext(app, locals), { scope: body.consent });
	return Response.json(profileView(profile!), { headers: noStore });
});
