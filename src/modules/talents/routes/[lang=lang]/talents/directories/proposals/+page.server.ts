import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myDirectoryProposals } from '#modules/talents/directories/directory-proposals.ts';

/** The proposals one sent to the directories: those waiting (withdrawable, or to start again from), then the latest decided. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const list = await myDirectoryProposals(requestContext(app, locals));
	return { ...list, sent: url.searchParams.get('sent') ?? '', withdrawn: url.searchParams.has('withdrawn') };
}
