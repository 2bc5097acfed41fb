import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myProposals } from '#modules/knowledge/my-proposals.ts';

/** The proposals one sent to the library: those waiting (each withdrawable on its page), then the latest decided. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const list = await myProposals(requestContext(app, locals));
	return { ...list, withdrawn: url.searchParams.has('withdrawn') };
}
