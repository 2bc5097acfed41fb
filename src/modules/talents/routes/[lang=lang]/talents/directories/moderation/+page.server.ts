import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listProposals } from '#platform/moderation/moderation.service.ts';
import { directoryProposals } from '#modules/talents/directories/directory-proposals.ts';

const statuses = ['pending', 'approved', 'rejected', 'changes_requested', 'withdrawn', 'all'] as const;

/** The moderators' queue of the directories' proposals: those waiting by default, oldest first. */
export async function load({ url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const wanted = url.searchParams.get('status');
	const status = statuses.find((value) => value === wanted) ?? 'pending';
	const page = Math.max(1, Math.min(10000, Number(url.searchParams.get('page')) || 1));
	return { status, proposals: await listProposals(requestContext(app, locals), directoryProposals, { status, page }) };
}
