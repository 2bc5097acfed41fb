import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { readQuery } from '#platform/http/api.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { ProposalListQuery } from '#modules/atlas/moderation/moderation.schemas.ts';
import { listProposals } from '#modules/atlas/moderation/moderation.service.ts';
import { likelyDuplicatesOfNewProposals } from '#modules/atlas/duplicates/duplicates.ts';

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
	const proposals = await listProposals(requestContext(app, locals), query);
	// "Possible duplicate of …" for the new initiatives waiting for a decision (atlas/duplicates).
	const duplicates = await likelyDuplicatesOfNewProposals(app.database.db, proposals.items.map((item) => item.id));
	return { status: query.status, proposals, duplicates: Object.fromEntries(duplicates) };
}
