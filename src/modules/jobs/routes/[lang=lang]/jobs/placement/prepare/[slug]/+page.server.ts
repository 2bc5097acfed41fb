import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContentPage } from '#platform/content/content-pages.web.ts';
import { predeparturePages } from '#modules/jobs/placement/predeparture-pages.ts';

export async function load({ locals, params, url }) {
	return loadContentPage(requestContext(await getApp(), locals), predeparturePages, params.slug, url);
}
