import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listOrganisationScores } from '#modules/atlas/moderation/moderation.service.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return { scores: await listOrganisationScores(requestContext(app, locals)) };
}
