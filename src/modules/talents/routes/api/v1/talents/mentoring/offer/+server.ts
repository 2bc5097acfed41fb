import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { MentoringOfferInput } from '#modules/talents/mentoring/mentoring.schemas.ts';
import { myOffer, saveOffer } from '#modules/talents/mentoring/mentoring.service.ts';

/** The caller's own offer (null when none), and whether their consent lets it be listed. */
export const GET = apiEndpoint(async (event) => {
	const app = await getApp();
	const mine = await myOffer(requestContext(app, event.locals));
	return Response.json({ offer: mine.offer, listed: mine.publicCard && mine.offer?.status === 'open' });
});

/** Creates or replaces the caller's offer (a talent profile is needed). */
export const PUT = apiEndpoint(async (event) => {
	const app = await getApp();
	const ctx = requestContext(app, event.locals);
	await saveOffer(ctx, await readJson(event.request, MentoringOfferInput));
	const mine = await myOffer(ctx);
	return Response.json({ offer: mine.offer, listed: mine.publicCard && mine.offer?.status === 'open' });
});
