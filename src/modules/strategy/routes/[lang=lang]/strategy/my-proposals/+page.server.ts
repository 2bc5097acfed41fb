import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myProposals } from '#modules/strategy/initiative-links.service.ts';

/** The initiatives one proposed for strategies' actions, and where each stands. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	return { proposals: await myProposals(ctx.db, ctx.actor!.userId, ctx.language) };
}
