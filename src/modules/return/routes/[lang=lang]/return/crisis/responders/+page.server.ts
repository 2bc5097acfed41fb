import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { responderGuidePages } from '#modules/return/crisis/responders.ts';

/** The responder's guide, every responder's part: to prepare before a crisis; the cell edits it. */
export async function load({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	const pages = await forPage(responderGuidePages(ctx));
	return { pages, canEdit: ctx.can('return.crisis.manage'), saved: url.searchParams.get('saved') === '1' };
}
