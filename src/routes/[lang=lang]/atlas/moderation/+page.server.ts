import { error } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { readQuery } from '#lib/server/http/api.ts';
import { isAppError } from '#lib/server/http/app-error.ts';
import { ProposalListQuery } from '#lib/server/atlas/moderation/moderation.schemas.ts';
import { listProposals } from '#lib/server/atlas/moderation/moderation.service.ts';

export async function load({ url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	let query;
	try {
		query = readQuery(url, ProposalListQuery);
	} catch (failure) {
		if (isAppError(failure)) query = ProposalListQuery.parse({});
		else throw failure;
	}
	return { status: query.status, proposals: await listProposals(app.database.db, locals.actor, query) };
}
