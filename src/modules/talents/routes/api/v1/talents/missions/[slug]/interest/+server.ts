import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { InterestInput } from '#modules/talents/missions/missions.schemas.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { expressInterest, withdrawInterest } from '#modules/talents/missions/candidates.service.ts';

/** The caller expresses (or updates) their interest in an open mission, with a short note. */
export const PUT = apiEndpoint(async (event) => {
	const app = await getApp();
	const saved = await expressInterest(requestContext(app, event.locals), event.params.slug ?? '', await readJson(event.request, InterestInput));
	return Response.json({ interested: saved.interested, at: saved.interestAt?.toISOString() ?? null });
});

/** The caller withdraws their interest. */
export const DELETE = apiEndpoint(async (event) => {
	const app = await getApp();
	await withdrawInterest(requestContext(app, event.locals), event.params.slug ?? '');
	return Response.json({ interested: false, at: null });
});
