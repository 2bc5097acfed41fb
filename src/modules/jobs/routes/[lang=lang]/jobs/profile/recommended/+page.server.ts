import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { recommendOffers } from '#modules/jobs/matching/matching.service.ts';

/** The offers best matching the seeker's own profile, with why. */
export async function load({ locals }) {
	const app = await getApp();
	return { recommended: await forPage(recommendOffers(requestContext(app, locals), { limit: 20 })) };
}
