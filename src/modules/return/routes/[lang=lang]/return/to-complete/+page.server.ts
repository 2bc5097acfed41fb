import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { guidePagesToComplete } from '#modules/return/guide.ts';

/** For the guide's editors: the pages that still say a part is to be completed by the network. */
export async function load({ locals }) {
	const ctx = requestContext(await getApp(), locals);
	await forPage(async () => ctx.require('return.guide.edit'));
	return { pages: await guidePagesToComplete(ctx.db, ctx.language) };
}
