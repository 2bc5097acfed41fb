import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { getResearcher } from '#modules/knowledge/research/research.service.ts';

/** A researcher's public page (only while they choose to appear): institution, themes, regions, works in the library. */
export async function load({ locals, params }) {
	const ctx = requestContext(await getApp(), locals);
	return { person: await forPage(getResearcher(ctx, params.slug)) };
}
