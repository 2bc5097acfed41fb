import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { ApplicationInput } from '#modules/jobs/seekers/seekers.schemas.ts';
import { applyToOffer, listEmployerApplications } from '#modules/jobs/seekers/seekers.service.ts';

/** The applications to one of the caller's organisation's offers (route policy: 'seekers.application.manage'). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const items = await listEmployerApplications(requestContext(app, locals), { offerId: params.id ?? '' });
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});

/** The caller applies to a published offer with their profile, CV and a message (route policy: 'seekers.profile.manage_own'). */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const app = await getApp();
	const input = await readJson(request, ApplicationInput);
	const application = await applyToOffer(requestContext(app, locals), params.id ?? '', input);
	return Response.json(
		{ id: application.id, offerId: application.offerId, status: application.status, createdAt: application.createdAt.toISOString() },
		{ status: 201, headers: { 'cache-control': 'no-store' } }
	);
});
