import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listOrganisationScores } from '#modules/atlas/moderation/moderation.service.ts';
import { importsWithUndecidedMatches } from '#modules/atlas/import/organisation-matches.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	return { scores: await listOrganisationScores(ctx), matchQueue: await importsWithUndecidedMatches(ctx) };
}
