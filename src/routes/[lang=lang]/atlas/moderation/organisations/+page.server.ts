import { error } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { listOrganisationScores } from '#lib/server/atlas/moderation/moderation.service.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return { scores: await listOrganisationScores(app.database.db, locals.actor) };
}
