import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { recommendOffers } from '#modules/jobs/matching/matching.service.ts';

/** The offers best matching the seeker's own profile, with why. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return { recommended: await recommendOffers(app.database.db, locals.actor, locals.language, { limit: 20 }) };
}
