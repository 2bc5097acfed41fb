import { error } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { readQuery } from '#lib/server/http/api.ts';
import { isAppError } from '#lib/server/http/app-error.ts';
import { ProposalListQuery } from '#lib/server/atlas/moderation/moderation.schemas.ts';
import { listProposals } from '#lib/server/atlas/moderation/moderation.service.ts';
import { likelyDuplicatesOfNewProposals } from '#lib/server/atlas/duplicates/duplicates.ts';

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
	const proposals = await listProposals(app.database.db, locals.actor, query);
	// "Possible duplicate of …" for the new initiatives waiting for a decision (atlas/duplicates).
	const duplicates = await likelyDuplicatesOfNewProposals(app.database.db, proposals.items.map((item) => item.id));
	return { status: query.status, proposals, duplicates: Object.fromEntries(duplicates) };
}
